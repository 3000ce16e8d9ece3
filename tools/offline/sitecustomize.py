"""Refuse network connections to anything but this machine.

Put this folder on ``PYTHONPATH`` (the Makefile does so for the book build and the tests)
and every Python process started with it, notebook kernels included, can reach only
loopback addresses and Unix sockets. A notebook that tries to download something fails
at once with a clear message instead of hanging or silently depending on the internet.
"""

import ipaddress
import socket

_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class OfflineError(OSError):
    """Raised when code tries to reach the network during an offline build or test."""


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]")
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(address: object) -> None:
    if isinstance(address, tuple) and address and not _is_local(address[0]):
        raise OfflineError(f"network access to {address[0]!r} is disabled (offline course build)")


def _guarded_connect(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _connect_ex(self, address)


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
    if not _is_local(host):
        raise OfflineError(f"name lookup of {host!r} is disabled (offline course build)")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]
