"""The course's colours, shared by the chapter maps and the locate questions.

The Okabe–Ito colour-blind-safe palette, and the sea and land of every map. Plain values:
this module imports nothing, so a quiz can use them without loading folium or matplotlib.
"""

#: Okabe–Ito colour-blind-safe palette
PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
SEA = "#dcebf5"
LAND = "#f4f2ee"
