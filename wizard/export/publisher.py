"""Who publishes the open data: the ocid prefix and the publisher, set by the user.

An ocid prefix is registered by a publisher with the Open Contracting Partnership; Changemaker
cannot know it and never makes one up. Until the user sets it, the release package carries the
clear placeholder ``ocds-PREFIX-NOT-SET`` (and says so in its description), so nobody mistakes
a draft for registered open data. The app keeps these in its settings; the command line takes
``--ocid-prefix`` and ``--publisher``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER_PREFIX = "ocds-PREFIX-NOT-SET"
PREFIX_PATTERN = re.compile(r"^ocds-[a-z0-9]{6}$")


class PublisherError(ValueError):
    """A publisher setting that cannot be used (the message says why)."""


@dataclass(frozen=True)
class Publisher:
    ocid_prefix: str = ""  # e.g. ocds-a1b2c3, as registered with the Open Contracting Partnership
    name: str = ""  # the organisation publishing the data; the commissioners when not set
    uri: str = ""  # where the data will be published (https://...), used for the package URI

    def __post_init__(self) -> None:
        if self.ocid_prefix and not PREFIX_PATTERN.match(self.ocid_prefix):
            raise PublisherError(
                f"The ocid prefix '{self.ocid_prefix}' is not one the Open Contracting Partnership "
                "registers: it is 'ocds-' and six lower-case letters or digits, such as ocds-a1b2c3")
        if self.uri and not re.match(r"^https?://[^\s/]+", self.uri):
            raise PublisherError(f"The publisher's address '{self.uri}' should start with https://")

    @property
    def prefix(self) -> str:
        return self.ocid_prefix or PLACEHOLDER_PREFIX

    @property
    def is_set(self) -> bool:
        return bool(self.ocid_prefix)


UNSET = Publisher()
