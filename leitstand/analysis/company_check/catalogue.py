"""The company check's catalogue as immutable records. Pure Python, no Django.

The data file (`leitstand/security_check/catalogue.toml`, read by
`leitstand.security_check.catalogue.load_catalogue`) holds the 27 requirements in 6 areas with
their parts, the TOP requirements, the status questions and every text in German and English.
"""

from dataclasses import dataclass

from leitstand.analysis.language import german

LANGUAGES = ("de", "en")
STATUS = "status"  # the item key of a requirement's status question
TOP_POINTS_MET, TOP_POINTS_UNMET = 3, -3
POINTS_MET, POINTS_UNMET = 1, 0


class CatalogueError(ValueError):
    """The data file breaks the structure the scorer relies on."""


@dataclass(frozen=True)
class Text:
    de: str
    en: str

    def get(self, language: str | None) -> str:
        return self.de if german(language) else self.en


@dataclass(frozen=True)
class Part:
    key: str
    text: Text
    applies_if: str = ""  # a sub-question key; the part drops out when that is answered "no"


@dataclass(frozen=True)
class SubQuestion:
    key: str
    question: Text


@dataclass(frozen=True)
class StatusQuestion:
    question: Text
    sub: tuple[SubQuestion, ...] = ()


@dataclass(frozen=True)
class Requirement:
    number: str
    area: str
    title: Text
    question: Text
    help: Text
    recommendation: Text
    parts: tuple[Part, ...]
    top: bool = False
    status: StatusQuestion | None = None

    @property
    def number_int(self) -> int:
        return int(self.number)

    @property
    def points_met(self) -> int:
        return TOP_POINTS_MET if self.top else POINTS_MET

    @property
    def points_unmet(self) -> int:
        return TOP_POINTS_UNMET if self.top else POINTS_UNMET

    @property
    def items(self) -> tuple[str, ...]:
        """Every answer key of this requirement: status question, sub-questions, parts."""
        keys = []
        if self.status:
            keys.append(STATUS)
            keys.extend(sub.key for sub in self.status.sub)
        keys.extend(part.key for part in self.parts)
        return tuple(keys)


@dataclass(frozen=True)
class Area:
    key: str
    name: Text
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Catalogue:
    areas: tuple[Area, ...]

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for area in self.areas for r in area.requirements)

    def requirement(self, number: str) -> Requirement:
        return self.by_number[number]

    @property
    def by_number(self) -> dict[str, Requirement]:
        return {r.number: r for r in self.requirements}

    def area(self, key: str) -> Area:
        return next(area for area in self.areas if area.key == key)

    def area_index(self, key: str) -> int:
        return [area.key for area in self.areas].index(key)


def _text(raw: dict, where: str) -> Text:
    if not isinstance(raw, dict) or any(not str(raw.get(lang, "")).strip() for lang in LANGUAGES):
        raise CatalogueError(f"{where}: a text in German and English is required")
    return Text(de=raw["de"], en=raw["en"])


def _status(raw: dict | None, number: str) -> StatusQuestion | None:
    if raw is None:
        return None
    sub = tuple(
        SubQuestion(key=item["key"], question=_text(item["question"], f"{number} {item['key']}"))
        for item in raw.get("sub", [])
    )
    return StatusQuestion(question=_text(raw["question"], f"{number} status"), sub=sub)


def _requirement(raw: dict) -> Requirement:
    number = raw["number"]
    parts = tuple(
        Part(
            key=part["key"],
            text=_text(part["text"], f"{number}.{part['key']}"),
            applies_if=part.get("applies_if", ""),
        )
        for part in raw["parts"]
    )
    return Requirement(
        number=number,
        area=raw["area"],
        top=bool(raw.get("top", False)),
        title=_text(raw["title"], f"{number} title"),
        question=_text(raw["question"], f"{number} question"),
        help=_text(raw["help"], f"{number} help"),
        recommendation=_text(raw["recommendation"], f"{number} recommendation"),
        parts=parts,
        status=_status(raw.get("status"), number),
    )


def parse_catalogue(data: dict) -> Catalogue:
    requirements = [_requirement(raw) for raw in data["requirements"]]
    areas = []
    for raw in data["areas"]:
        members = tuple(r for r in requirements if r.area == raw["key"])
        areas.append(
            Area(key=raw["key"], name=_text(raw["name"], raw["key"]), requirements=members)
        )
    catalogue = Catalogue(areas=tuple(areas))
    _check(catalogue, requirements)
    return catalogue


def _check(catalogue: Catalogue, requirements: list[Requirement]) -> None:
    numbers = [r.number for r in catalogue.requirements]
    if numbers != [f"{n:02d}" for n in range(1, len(requirements) + 1)]:
        raise CatalogueError("requirements must be numbered 01, 02, ... in area order")
    if len(numbers) != len(requirements):
        raise CatalogueError("every requirement must belong to a listed area")
    for requirement in requirements:
        if not requirement.parts:
            raise CatalogueError(f"{requirement.number} has no parts")
        subs = {s.key for s in requirement.status.sub} if requirement.status else set()
        for part in requirement.parts:
            if part.applies_if and part.applies_if not in subs:
                raise CatalogueError(f"{requirement.number}.{part.key}: unknown sub-question")
        if len(set(requirement.items)) != len(requirement.items):
            raise CatalogueError(f"{requirement.number}: answer keys repeat")
