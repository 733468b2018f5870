"""What a person decided for one import: the meaning of unclear values, which near-identical
names are the same, the scale of score columns, which proposals to apply.

Kept with the import (`ImportRun.decisions`), remembered for the organisation and the file's
layout when it is imported (memory.py), and given on the command line in `--mapping`
("values", "scales") and by `--yes-merge`.
"""

from dataclasses import dataclass, field

from leitstand.imports.understanding import normalise_value


@dataclass
class Decisions:
    #: field -> normalised text -> value ("" leaves the cell empty)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    #: "people" / "departments" -> key of a name -> key of the name it is the same as
    #: ("" keeps it apart)
    merges: dict[str, dict[str, str]] = field(default_factory=dict)
    #: field -> scale key ("1-5", "grades", ...)
    scales: dict[str, str] = field(default_factory=dict)
    #: proposal step key -> applied or not
    proposals: dict[str, bool] = field(default_factory=dict)
    #: every proposed merge is taken (the command line's --yes-merge)
    merge_all: bool = False

    @classmethod
    def from_json(cls, data: dict | None) -> "Decisions":
        data = data or {}
        return cls(
            values={f: dict(v) for f, v in (data.get("values") or {}).items()},
            merges={k: dict(v) for k, v in (data.get("merges") or {}).items()},
            scales=dict(data.get("scales") or {}),
            proposals={k: bool(v) for k, v in (data.get("proposals") or {}).items()},
            merge_all=bool(data.get("merge_all", False)),
        )

    def to_json(self) -> dict:
        data: dict = {}
        for name in ("values", "merges", "scales", "proposals"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.merge_all:
            data["merge_all"] = True
        return data

    def choose_value(self, field_name: str, text: str, value: str) -> None:
        self.values.setdefault(field_name, {})[normalise_value(text)] = value

    def decide_merge(self, reference: str, key: str, same_as: str | None) -> None:
        """`same_as` is the key of the name it is the same as; None keeps it apart."""
        self.merges.setdefault(reference, {})[key] = same_as or ""

    def merge_decision(self, reference: str, key: str) -> str | None:
        """The key it is the same as, "" when kept apart, None when nobody said."""
        return self.merges.get(reference, {}).get(key)

    def proposal_applied(self, key: str, default: bool) -> bool:
        return self.proposals.get(key, default)

    def under(self, remembered: "Decisions") -> "Decisions":
        """These decisions, completed by remembered ones (these win)."""
        values = {f: dict(v) for f, v in remembered.values.items()}
        for field_name, chosen in self.values.items():
            values.setdefault(field_name, {}).update(chosen)
        merges = {k: dict(v) for k, v in remembered.merges.items()}
        for reference, decided in self.merges.items():
            merges.setdefault(reference, {}).update(decided)
        return Decisions(
            values=values,
            merges=merges,
            scales={**remembered.scales, **self.scales},
            proposals={**remembered.proposals, **self.proposals},
            merge_all=self.merge_all,
        )
