"""The fictional places behind the fakes' AA-area postcodes: which council and ward each lies in.

Nothing here is real: the AA postcode area does not exist, the GSS codes ending 999/998 are unused, and
phone numbers are in Ofcom's ranges for drama. The demo council (councils/demo/) is AA1 and AA2; the
other outward codes show the bot's other answers:

| outward code | what it shows |
|---|---|
| AA1, AA2 | Demo Borough Council (W06000999): every flow |
| AA3 | Neighbouring Vale Council (W06000998), not on this platform: "contact them", GOV.UK link |
| AA4 | Oxford and Oxfordshire (two tiers, both on this platform): routed with their websites |
| AA5 | a Northern Ireland council: the Electoral Office registers voters |
| AA8 | a Scottish council: the valuation joint board registers voters |
| AA6, AA7 | not in use: "postcode not found" |
| AA0 0AA | withdrawn in March 2019: "terminated" |
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FakeArea:
    """What postcodes.io would say about a fictional outward code."""

    country: str
    district: tuple[str, str]  # name, GSS code
    county: tuple[str, str] | None
    wards: dict[str, tuple[str, str]]  # sector digit (or "*") -> ward name, GSS code
    latitude: float
    longitude: float
    region: str | None = None

    def ward(self, sector: str) -> tuple[str, str]:
        """The ward of a postcode sector."""
        return self.wards.get(sector) or self.wards["*"]


DEMO_GSS = "W06000999"

AREAS: dict[str, FakeArea] = {
    # The demo council's wards match councils/demo/councillors.yaml; its map points lie in Cardigan
    # Bay, like its places.
    "AA1": FakeArea(
        country="Wales",
        district=("Demo Borough", DEMO_GSS),
        county=None,
        wards={
            "1": ("Castle", "W05009901"),
            "2": ("Riverside", "W05009902"),
            "*": ("Hillside", "W05009903"),
        },
        latitude=52.31,
        longitude=-4.41,
    ),
    "AA2": FakeArea(
        country="Wales",
        district=("Demo Borough", DEMO_GSS),
        county=None,
        wards={"*": ("Riverside", "W05009902")},
        latitude=52.42,
        longitude=-4.31,
    ),
    "AA3": FakeArea(
        country="Wales",
        district=("Neighbouring Vale", "W06000998"),
        county=None,
        wards={"*": ("Valley Bottom", "W05009981")},
        latitude=52.20,
        longitude=-4.10,
    ),
    "AA4": FakeArea(
        country="England",
        district=("Oxford", "E07000178"),
        county=("Oxfordshire", "E10000025"),
        wards={"*": ("Carfax and Jericho", "E05009999")},
        latitude=51.75,
        longitude=-1.26,
        region="South East",
    ),
    "AA5": FakeArea(
        country="Northern Ireland",
        district=("Demo Lough", "N09000999"),
        county=None,
        wards={"*": ("Loughside", "N08009999")},
        latitude=54.60,
        longitude=-5.90,
    ),
    "AA8": FakeArea(
        country="Scotland",
        district=("Demo Firth", "S12000999"),
        county=None,
        wards={"*": ("Firthside", "S13009999")},
        latitude=56.00,
        longitude=-3.20,
    ),
}

#: Shaped like postcodes, never issued.
UNUSED_OUTWARD_CODES = frozenset({"AA6", "AA7"})
#: Withdrawn postcodes: postcode -> (year, month).
TERMINATED = {"AA0 0AA": (2019, 3)}


def area_of(postcode: str) -> FakeArea | None:
    """The fictional area of a normalised postcode ("AA1 1AA"), or None when it is not in use."""
    outward = postcode.split()[0]
    if outward in UNUSED_OUTWARD_CODES or postcode in TERMINATED:
        return None
    return AREAS.get(outward)
