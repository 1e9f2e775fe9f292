"""What a worker remembers of a database or cache that stopped answering.

A server that refuses connections answers at once, but one gone from the network costs a
connect timeout on every attempt, and every request would pay it. So after a failure the
worker leaves that service alone for RETRY_AFTER seconds and uses what it has instead (a
replica for the primary, no cache for the cache); then one request tries again. Each
worker keeps its own memory: nothing is shared, nothing needs cleaning up.
"""

import logging
import time

log = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds


class Outage:
    def __init__(self, name):
        self.name = name
        self.until = 0.0  # time.monotonic() until which the service is left alone

    @property
    def ongoing(self):
        return time.monotonic() < self.until

    def begin(self, error):
        """The service failed: leave it alone for RETRY_AFTER seconds."""
        if not self.until:
            log.warning("%s does not answer, not tried for %s s: %s", self.name, RETRY_AFTER, error)
        self.until = time.monotonic() + RETRY_AFTER

    def end(self):
        """The service answered."""
        if self.until:
            log.warning("%s answers again", self.name)
            self.until = 0.0


_outages = {}


def outage(name):
    """The outage memory of a database alias or a cache, made on first use."""
    if name not in _outages:
        _outages[name] = Outage(name)
    return _outages[name]


def forget_all():
    """Every service is tried again at once (tests)."""
    for remembered in _outages.values():
        remembered.until = 0.0
