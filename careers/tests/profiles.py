"""Hand-built profiles for the careers tests: the specialization seed with its requirements
replaced, imported through the import service (which computes the similarities)."""

from conftest import SEED_SPECIALIZATION
from nsp.parser import parse_file
from profiles.importer import ParsedProfile, import_profiles

SUITABLE, ESSENTIAL = 1, 2


def skill(code, level, suitability=ESSENTIAL):
    return {
        "category": "professional_skill",
        "code": code,
        "name": f"Dovednost {code}",
        "level": level,
        "suitability": suitability,
    }


def knowledge(code, level, suitability=ESSENTIAL):
    return {**skill(code, level, suitability), "category": "professional_knowledge"}


def other(category, code, level):
    return {
        "category": category,
        "code": code,
        "name": f"Kompetence {category} {code}",
        "level": level,
        "suitability": None,
    }


def soft(code, level):
    return other("soft", code, level)


def general(code, level):
    return other("general_skill", code, level)


def education(code, tier="best", kind="KKOV"):
    return {"tier": tier, "type": kind, "name": f"Obor {code}", "code": code}


def isco(*codes):
    return [{"code": code, "name": f"Skupina {code}"} for code in codes]


def profile(nsp_id, title, competences, *, groups=(), field=None, subfield=None, schools=()):
    """A document with these requirements and nothing else that the similarity reads; the
    seed's wage tables stay (their CZ-ISCO groups are not the profile's groups)."""
    document = parse_file(SEED_SPECIALIZATION)
    return {
        **document,
        "nsp_id": nsp_id,
        "title": title,
        "alternative_names": [],
        "parent": None,
        "related": [],
        "field": field,
        "subfield": subfield if field else None,
        "isco": isco(*groups),
        "esco": [],
        "education": list(schools),
        "competences": competences,
    }


def import_documents(*documents):
    return import_profiles([ParsedProfile(f"{d['nsp_id']}.txt", d) for d in documents])
