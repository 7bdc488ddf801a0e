"""Attendee lists: `기관 : 이름 직위, …`, titles only, shared titles, counts (`외 7명`), groups, absentees."""

from __future__ import annotations

import re

from .. import values
from ..analyse.lines import Line
from ..resources import Models
from ..schema import AttendeeGroup, Person
from .common import clean, compact, is_name, is_org, is_redacted, is_title, label_text

_SPLIT = re.compile(r"\s*[,，、/]\s*|\s+및\s+")
_ETC = re.compile(r"\s*(?:외|등)\s*(?:\d+\s*(?:명|인)|\d+개\s*\S+|다수)?\s*$")
_COUNT_ONLY = re.compile(r"^(?:총\s*)?\(?\s*(?:약\s*)?\d+\s*(?:여\s*)?(?:명|인)\s*\)?(?:\s*정도)?\s*\.?$")
_NAMED_COUNT = re.compile(
    r"^(?P<name>[가-힣A-Za-z ·]{2,30}?)\s*(?:(?:총|약)\s*)?(?P<n>\d+)\s*(?:여\s*)?(?:명|인)(?:\s*정도)?$"
)
_NAMED_AND_MORE = re.compile(r"^(?P<named>[가-힣A-Za-z ·]{2,30}?)\s*외\s*(?P<n>\d+)\s*(?:명|인)$")
_COUNT_THEN_LIST = re.compile(r"^(?P<grp>[^()\d]*?)\s*(?:(?:총|약)\s*)?(?P<n>\d+)\s*(?:명|인)\s*\((?P<list>[^()]+)\)$")
_KINDS_COUNTED = re.compile(r"^(?P<kinds>[^()\d]+?)\s*등\s*(?:총\s*)?\d+\s*(?:여\s*)?(?:명|인)$")
_LABEL_COUNT = re.compile(r"\(\s*(\d+)\s*(?:인|명)\s*\)\s*$")
# A sub-label that is a role in the meeting (`위원장 :`, `민간위원 :`, `간 사 :`), not a body (`구청 :`).
_ROLE_LABEL = re.compile(r"^[가-힣]{0,6}(?:위원장|위원|간사|의장|회장|단장)$")
_ROLE_COUNT = re.compile(r"\(\s*(\d+)\s*(?:인|명)?\s*\)\s*$")  # `민간위원(6)`, `위원(6명)`
# `위원장 포함 7명 (재적위원 11명)`, `위원장 포함 위원 9명`: the count includes the one named, and the bracket
# gives the membership, not who came: both are left out so that the line reads as the count of the group.
_INCLUDING = re.compile(r"^[가-힣 ]{1,12}?\s*포함\s*(?=(?:[가-힣]{1,10}\s*)?(?:총\s*)?\d+\s*(?:명|인))")
_ENROLLED = re.compile(
    r"\s*\(\s*재적[가-힣 ]*\d+\s*(?:명|인)\s*\)|\s*/\s*재적[가-힣 ]*\d+\s*(?:명|인)\s*$"
)  # `(재적위원 11명)`, `18명 / 재적위원 25명`
_TOTAL_AFTER = re.compile(r"\s*\(\s*총\s*(\d+)\s*(?:명|인)\s*\)\s*$")  # `공동위원장 2명, 위원 13명 (총 15명)`


def _count_only(text: str) -> str:
    return _ALL_OF_THEM.sub("", _INCLUDING.sub("", _ENROLLED.sub("", text)))


# A total and its breakdown by body: `8명 ▷ 예산위원 6, 재정전문가 1, 시의회 1`, `12명(위원 10, 간사 2)`
# (OCR reads the ▷ as `[`, `|` or `>`).
_PART_COUNT = re.compile(r"^(?P<name>[가-힣A-Za-z][가-힣A-Za-z ·]{0,20}?)\s*(?P<n>\d+)\s*(?:명|인)?$")
_BREAKDOWN = re.compile(
    r"^(?:총\s*)?(?P<n>\d+)\s*(?:명|인)\s*(?:[▷▶►→:：\[|>]\s*|[(（]\s*)"
    r"(?P<parts>(?:[가-힣A-Za-z][가-힣A-Za-z ·]{0,20}?\s*\d+\s*(?:명|인)?\s*,\s*)*"
    r"[가-힣A-Za-z][가-힣A-Za-z ·]{0,20}?\s*\d+\s*(?:명|인)?)\s*[)）]?$"
)
_OF_WHOM = re.compile(
    r"^[가-힣 ]*?\d+\s*(?:명|인)\s*중\s*(?P<n>\d+)\s*(?:명|인)\s*(?:참석|출석)?\s*(?:\((?P<named>[^()]+)\))?$"
)
_AND_MORE = re.compile(r"외\s*(\d+)\s*(?:명|인)\s*\.?$")
# `위원장(부시장) 등 위원 7명`: the people named lead a counted group they belong to
# `위원장(부시장) 등 위원 7명`, `안전총괄과장 외 관계부서 팀장 12명`: the people named, and a counted group they
# lead (등: among them; 외: besides them)
_LEADING = re.compile(r"^(?P<lead>\S.{0,40}?)\s+(?:등|외)\s+(?P<grp>[가-힣][가-힣 ]{0,10}?)\s*(?P<n>\d+)\s*(?:명|인)$")
_ALL_OF_THEM = re.compile(r"\s*(?:전원|모두)\s*(?:참석)?\s*$")  # `위원 7명 전원`
_SPLIT_DEPARTMENT = re.compile(r"^[가-힣]과장$(?<!부과장)")  # `책과장`: the tail of 경제정책과장 (부과장 is a title)
_PAREN_ORG = re.compile(r"^(?P<inner>.+?)\s*\((?P<org>[^()]+)\)$")


class Collector:
    def __init__(self, models: Models, every_rule: str | None = None) -> None:
        self.models = models
        self.every_rule = every_rule  # the rule of every person found (absentees), whatever the shape
        self.groups: list[AttendeeGroup] = []
        self.people: list[Person] = []
        self._seen: set[tuple[str | None, str | None, str | None]] = set()

    def add(self, person: Person, row: bool = False, rule: str = "attendee/list") -> None:
        """Add a person once. A table row is a person of its own even when its name is withheld (three
        rows `위원 | *****` are three members); in lists, the same title and body name one person."""
        key = (person.name, None, None) if person.name else (None, person.title, person.organization)
        if key in self._seen and not (row and person.name is None):
            return
        self._seen.add(key)
        if person.evidence is not None:
            person.evidence = person.evidence.model_copy(update={"rule": self.every_rule or rule})
        self.people.append(person)

    def group(self, group: AttendeeGroup) -> None:
        """Add a head count (`총 8명`, `상설협의체 : 8명`) or a group label without one."""
        if group.evidence is not None:
            rule = "attendee_group/count" if group.count is not None else "attendee_group/label"
            group.evidence = group.evidence.model_copy(update={"rule": rule})
        self.groups.append(group)

    def parse_items(self, text: str, line: Line, org: str | None, group: str | None) -> None:
        """Parse a comma list of people; titles shared by a run of departments apply to each."""
        kinds = _KINDS_COUNTED.match(text.strip())
        if kinds is not None and self._kinds_of_people(kinds.group("kinds")):
            return  # `참여예산위원, 지역주민 등 25명`: the kinds of people who came, and how many; nobody named
        m = _COUNT_THEN_LIST.match(text.strip())
        if m:  # `위원 5명(홍길동, 김철수, …)`: a counted group, its members in brackets
            name = clean(m.group("grp")) or group
            self.group(AttendeeGroup(name=name, count=int(m.group("n")), evidence=line.span_of(text)))
            text, group = m.group("list"), name or group
            if not all(self._person(clean(_ETC.sub("", p)).split(), None, None) for p in self._items(text)):
                return  # `약 80명(시민, 전문가, 관계 공무원)`: the kinds of people who came, not who
        pending: list[str] = []
        for raw in self._items(text):
            item = clean(_ETC.sub("", raw))
            if not item or is_redacted(item) or _COUNT_ONLY.match(item):
                continue
            counted = _NAMED_COUNT.match(item) if not _AND_MORE.search(raw) else None
            if counted:  # `운영업체 관계자 2명` among named people: a counted group
                name = clean(counted.group("name"))
                self.group(AttendeeGroup(name=name, count=int(counted.group("n")), evidence=line.span_of(raw)))
                continue
            m = _PAREN_ORG.match(item)
            item_org = org
            if m and not values.parse_count(m.group("org")):
                inner, paren = m.group("inner").strip(), m.group("org").strip()
                if is_title(paren, self.models) and is_name(inner, self.models):
                    item = f"{inner} {paren}"  # `홍길동(위원장)`: the bracket holds the title
                elif is_title(inner, self.models) and is_name(paren, self.models):
                    item = f"{inner} {paren}"  # `위원장(윤서진)`: the bracket holds the name
                elif is_title(paren.split()[-1], self.models) and is_title(inner.split()[-1], self.models):
                    item = inner  # `스마트도시과장(TF 단장)`: the bracket holds the role in this meeting
                else:
                    item, item_org = inner, paren  # `김태원 주무관(총무과)`: the bracket holds the body
            words = item.split()
            if len(words) == 2 and len(words[0]) == 1 and is_name("".join(words), self.models):
                words = ["".join(words)]  # `진 하람`: OCR spacing after the family name
            # a first word that is no body and no name (nor a last word that is a name): OCR broke a word
            fragment = not (
                is_org(words[0], self.models) or is_name(words[0], self.models) or is_name(words[-1], self.models)
            )
            if len(words) > 1 and fragment and is_org(compact(item), self.models):
                words = [compact(item)]  # `마을사회적 경제과`: one department broken by OCR spacing
            ev = line.span_of(raw.strip())
            names = _name_list(words, self.models) if len(words) > 2 else None
            if names is not None:
                for w in names:  # `김철수 이영희 박민수`: a list of names
                    self.add(
                        Person(name=w, organization=item_org, group=group, evidence=line.span_of(w)),
                        rule="attendee/name-list",
                    )
                continue
            if len(words) == 1 and is_org(words[0], self.models) and not is_name(words[0], self.models):
                pending.append(words[0])
                continue
            person = self._person(words, item_org, group)
            if person is None:
                pending.clear()
                continue
            if pending and person.name is None and person.title:
                for dept in pending:
                    self.add(
                        Person(name=None, title=person.title, organization=dept, group=group, evidence=ev),
                        rule="attendee/shared-title",
                    )
                pending.clear()
            person.evidence = ev
            self.add(person)
        for dept in pending:  # departments listed without a title: the department itself attended
            self.add(
                Person(name=None, title=None, organization=dept, group=group, evidence=line.evidence()),
                rule="attendee/department",
            )

    def _kinds_of_people(self, text: str) -> bool:
        """Items that name no one: no name among them, and one at least that is no position either
        (`지역주민`, `관계자`), where `주택정책과장, 조합장` are two people known by their positions."""
        items = [clean(item) for item in self._items(text)]
        if any(is_name(w, self.models) for item in items for w in item.split()):
            return False
        return any(not is_title(item.split()[-1], self.models) for item in items if item)

    def _items(self, text: str) -> list[str]:
        """The items of a list: split at commas (and 및), and at runs of two or more spaces where each piece
        reads as a person (`기획예산과장 문채원  재산관리팀장 오지훈`, minutes' lists of 출석공무원), or
        between title-name pairs; a title and a name set apart in two columns (`군수      홍길동`) are one."""
        out: list[str] = []
        for raw in _SPLIT.split(text):
            pieces = re.split(r"\s{2,}", raw.strip())
            columns = list(zip(pieces[::2], pieces[1::2], strict=False)) if len(pieces) % 2 == 0 else []
            if columns and all(is_title(t, self.models) and is_name(n, self.models) for t, n in columns):
                out.extend(f"{t} {n}" for t, n in columns)  # `군수      홍길동`: a title and its holder apart
                continue
            if len(pieces) > 1 and all(self._person(p.split(), None, None) is not None for p in pieces):
                out.extend(pieces)
                continue
            pairs = self._title_name_pairs(raw.split())
            out.extend(pairs if len(pairs) > 1 else [raw])
        return out

    def _title_name_pairs(self, words: list[str]) -> list[str]:
        """`안전총괄과장 도하람 건축과장 심재윤` (single spaces, as in PDF text), also with a title cut apart by
        OCR spacing (`재산관리 팀 장 오지훈`): title-name pairs, or [] when the words are not all such pairs."""
        pairs: list[str] = []
        title: list[str] = []
        for w in words:
            if title and is_name(w, self.models) and is_title("".join(title), self.models):
                pairs.append(f"{''.join(title)} {w}")
                title = []
            else:
                title.append(w)
        return pairs if not title else []

    def _person(self, words: list[str], org: str | None, group: str | None) -> Person | None:
        m = self.models
        if not words:
            return None
        if len(words) == 1:
            w = words[0]
            if is_name(w, m):
                return Person(name=w, organization=org, group=group)
            # `홍길동위원장` written without a space (a three-syllable name, so `문화과장` stays a title)
            if w[3:] in m.title_set and is_name(w[:3], m):
                return Person(name=w[:3], title=w[3:], organization=org, group=group)
            if is_title(w, m):
                return Person(name=None, title=w, organization=org, group=group)
            return None
        first, last = words[0], words[-1]
        if _SPLIT_DEPARTMENT.match(last) and len(words[-2]) > 1 and is_org(words[-2] + last[:-1], m):
            # `경제정 책과장`: OCR spacing inside a department head's title, not a name and a title
            return Person(name=None, title=words[-2] + last, organization=" ".join(words[:-2]) or org, group=group)
        if is_title(last, m) and is_name(words[-2], m):
            prefix = " ".join(words[:-2])
            return Person(name=words[-2], title=last, organization=prefix or org, group=group)
        if is_title(first, m) and is_name(words[1], m) and len(words) == 2:
            return Person(name=words[1], title=first, organization=org, group=group)
        if is_title(last, m):
            syllables = any(len(w) == 1 for w in words)  # a lone syllable: OCR spacing, not a name beside it
            broken = not is_org(first, m) and (syllables or not any(is_name(w, m) for w in words))
            if broken and len(words) <= (4 if syllables else 3):  # fragments of a compound OCR broke apart
                person = self._compound(compact("".join(words)), org, group)
                if person is not None:
                    return person
            return Person(name=None, title=last, organization=" ".join(words[:-1]), group=group)
        if is_name(last, m) and is_title(words[-2], m):
            prefix = " ".join(words[:-2])
            return Person(name=last, title=words[-2], organization=prefix or org, group=group)
        if len(words) <= 3 and not any(is_name(w, m) for w in words):  # `교통정책과 장`: a title broken apart
            return self._compound(compact("".join(words)), org, group)
        if any(len(w) == 1 for w in words):  # `기 획 감사실장 윤성 민`: OCR spacing through a title and a name
            joined = "".join(words)
            for k in (3, 2, 4):
                if is_title(joined[:-k], m) and is_name(joined[-k:], m):
                    return Person(name=joined[-k:], title=joined[:-k], organization=org, group=group)
        return None

    def _compound(self, word: str, org: str | None, group: str | None) -> Person | None:
        """A department and title written as one word, or broken apart by OCR spacing (`도시재생디자인과주무
        팀장`, `마을재생기획 단장`): a department ending in an org suffix followed by a known title splits
        there (`도시재생디자인과` + `주무팀장`); otherwise the whole word is the title (`마을재생기획단장`)."""
        m = self.models
        if not re.fullmatch(r"[가-힣]{3,}", word):
            return None
        for i in range(2, len(word) - 1):
            if is_org(word[:i], m) and word[i:] in m.title_set:
                return Person(name=None, title=word[i:], organization=word[:i], group=group)
        return Person(name=None, title=word, organization=org, group=group) if is_title(word, m) else None

    def walk(self, line: Line, org: str | None = None, group: str | None = None) -> None:
        """Read an attendee line (its value) and the lines nested under it."""
        if "\t" in line.raw.strip() and line.field != "attendees":
            return  # a table row (a process chart, a score sheet): tables are read by `attendee_tables`
        value = line.value if line.field == "attendees" else None
        if line.field == "attendees" or line.label is None:
            text = value if value is not None else line.body
            if line.field == "attendees":
                text = _count_only(text)
                after = _TOTAL_AFTER.search(text)
                if after and after.start() > 0:  # the total after its parts: the total, then the parts
                    name = compact(line.label or "") or None
                    self.group(AttendeeGroup(name=name, count=int(after.group(1)), evidence=line.evidence()))
                    text = text[: after.start()]
            counted = _LABEL_COUNT.search(line.label or "") if line.field == "attendees" else None
            if counted:  # `출석의원(7인) : …`
                name = compact(_LABEL_COUNT.sub("", line.label or "")) or None
                self.group(AttendeeGroup(name=name, count=int(counted.group(1)), evidence=line.evidence()))
            broken_down = _BREAKDOWN.match(text.strip()) if line.field == "attendees" else None
            of_whom = _OF_WHOM.match(text.strip()) if line.field == "attendees" else None
            if line.field == "attendees" and not text:
                pass
            elif of_whom:  # `위원 9명 중 7명 참석(위원장 배다온 외 6명)`: who came, and the ones named
                name = compact(line.label or "") or None
                self.group(AttendeeGroup(name=name, count=int(of_whom.group("n")), evidence=line.span_of(text)))
                if of_whom.group("named"):
                    self.parse_items(of_whom.group("named"), line, org, group)
            elif broken_down:  # `8명 ▷ 예산위원 6, 재정전문가 1, 시의회 1`: the total, then each part
                self.group(
                    AttendeeGroup(
                        name=compact(line.label or "") or None,
                        count=int(broken_down.group("n")),
                        evidence=line.span_of(text),
                    )
                )
                self._parts(broken_down.group("parts"), line)
            elif _COUNT_ONLY.match(text.strip()) and line.field == "attendees":
                name = compact(line.label or "") or None
                self.group(AttendeeGroup(name=name, count=values.parse_count(text), evidence=line.span_of(text)))
            elif (
                all(
                    _NAMED_COUNT.match(part.strip()) and not _NAMED_AND_MORE.match(part.strip())
                    for part in text.split(",")
                )
                and not re.search(r"(외|등)\s*\d+\s*(명|인)$", text)
                and not _LEADING.match(text.strip())
            ):
                for part in text.split(","):  # `내부 1명, 외부 5명`
                    m = _NAMED_COUNT.match(part.strip())
                    assert m is not None
                    self.group(
                        AttendeeGroup(name=clean(m.group("name")), count=int(m.group("n")), evidence=line.span_of(part))
                    )
            elif len(parts := [p.strip() for p in text.split(",")]) > 1 and all(
                _NAMED_COUNT.match(p) or _NAMED_AND_MORE.match(p) for p in parts
            ):
                self._counted_parts(parts, line, org, group)
            elif (
                line.field != "attendees"
                and line.parent is not None
                and line.parent.field == "attendees"
                and all(_PART_COUNT.match(p.strip()) for p in text.split(","))
            ):  # `참석대상 : 8명` with `▷ 예산위원 6, 재정전문가 1` below it: the parts of the total
                self._parts(text, line)
            elif (led := _LEADING.match(text.strip())) is not None and line.field == "attendees":
                self.group(
                    AttendeeGroup(name=clean(led.group("grp")), count=int(led.group("n")), evidence=line.span_of(text))
                )
                self.parse_items(led.group("lead"), line, org, clean(led.group("grp")))
            elif text:
                totalled = self._maybe_total(text, line, group)
                before = len(self.people)
                self.parse_items(text, line, org, group)
                more = _AND_MORE.search(text)
                if more and not totalled and group is None and len(self.people) > before:
                    # `협의회장 조태식 외 11명`: the named people and the others make the group
                    total = len(self.people) - before + int(more.group(1))
                    name = compact(line.label or "") or None
                    self.group(AttendeeGroup(name=name, count=total, evidence=line.span_of(text)))
        else:
            label = label_text(line.label)
            text = _count_only(line.value or "")
            if is_redacted(label):
                return
            if _COUNT_ONLY.match(text) or not text:
                count = values.parse_count(text) if text else None
                if text or line.children:
                    self.group(AttendeeGroup(name=label, count=count, evidence=line.evidence()))
                group = label
                if not text and not line.children:
                    return
            elif is_redacted(text) and not re.sub(r"\*+", "", text).strip():
                self.group(AttendeeGroup(name=label, count=None, evidence=line.evidence()))
            else:
                counted = _ROLE_COUNT.search(label)
                if counted:  # `민간위원(6) : 노상철, …`: the label names a counted group
                    label, n = clean(label[: counted.start()]), int(counted.group(1))
                    if not any(g.name == label and g.count == n for g in self.groups):  # not counted above already
                        self.group(AttendeeGroup(name=label, count=n, evidence=line.evidence()))
                if _ROLE_LABEL.search(compact(label)):
                    # `위원장 : 부시장 한경수`, `위  원 : 오세린, 임도윤`: a role, the title of whoever has none
                    before = len(self.people)
                    self.parse_items(text, line, org, label)
                    for person in self.people[before:]:
                        person.title = person.title or label
                    group = label
                else:
                    self.parse_items(text, line, label, group)
                    org = label
        for child in line.children:
            self.walk(child, org, group)

    def _parts(self, text: str, line: Line) -> None:
        """The counted parts of a total (`예산위원 6, 재정전문가 1, 시의회 1`), a group each."""
        for part in text.split(","):
            m = _PART_COUNT.match(part.strip())
            if m:
                self.group(
                    AttendeeGroup(name=clean(m.group("name")), count=int(m.group("n")), evidence=line.span_of(part))
                )

    def _counted_parts(self, parts: list[str], line: Line, org: str | None, group: str | None) -> None:
        """`주민 약 40명, 시공사 2명, 하천관리과장 외 3명`: counted groups, one led by a named person."""
        for part in parts:
            more = _NAMED_AND_MORE.match(part)
            if more is not None:
                before = len(self.people)
                self.parse_items(more.group("named"), line, org, group)
                size = len(self.people) - before + int(more.group("n"))
                name = clean(more.group("named"))
            else:
                counted = _NAMED_COUNT.match(part)
                assert counted is not None
                name, size = clean(counted.group("name")), int(counted.group("n"))
            self.group(AttendeeGroup(name=name, count=size, evidence=line.span_of(part)))

    def _maybe_total(self, text: str, line: Line, group: str | None) -> bool:
        m = re.search(r"(?:총|등)\s*(\d+)\s*명", text)
        if m and group is None:
            self.group(AttendeeGroup(name=None, count=int(m.group(1)), evidence=line.span_of(m.group(0))))
        return m is not None


def _name_list(words: list[str], models: Models) -> list[str] | None:
    """The names of a space-separated list, or None when a word is not a name. Two three-syllable names run
    together (`이하늘조민아`: OCR lost the space) are two names; a lone last syllable joins the name before it."""
    out: list[str] = []
    for k, w in enumerate(words):
        if len(w) == 1 and out and len(out[-1]) == 2 and len(words[k - 1]) == 2 and is_name(out[-1] + w, models):
            out[-1] += w  # `박시 우`: OCR spacing cut the last syllable off a three-syllable name
        elif is_name(w, models):
            out.append(w)
        elif len(w) == 6 and is_name(w[:3], models) and is_name(w[3:], models):
            out.extend([w[:3], w[3:]])
        else:
            return None
    return out


def extract(attendee_lines: list[Line], models: Models) -> tuple[list[AttendeeGroup], list[Person]]:
    c = Collector(models)
    for line in attendee_lines:
        if line.value and re.search(r"[^*\s]\*{3,}", line.value) and not re.sub(r"\*+.*", "", line.value).count(","):
            # `서울청정넷 청년위원*****`: a group whose members are withheld
            name = clean(re.sub(r"\*+.*$", "", line.value))
            c.group(AttendeeGroup(name=name or None, count=None, evidence=line.span_of(line.value)))
            continue
        c.walk(line)
    return c.groups, c.people


def absentees(lines: list[Line], models: Models) -> list[Person]:
    c = Collector(models, every_rule="absentee/list")
    for ln in lines:
        text = ln.value if ln.field == "absentees" and ln.value else None
        if text is None:
            m = re.search(r"(.+?)\s*(?:이|가)?\s*불참", ln.body)
            if not m or ln.field == "attendees":
                continue
            text = re.sub(r"^.*(?:예정이었던|예정인|중)\s*", "", m.group(1))
        c.parse_items(text, ln, None, None)
        if ln.field == "absentees":
            for child in ln.children:
                c.parse_items(child.body, child, None, None)
    return [p for p in c.people if p.name or p.title]
