"""Rebuild the profile document (nsp-profile.schema.json) of stored occupations.

The JSON API returns it and the importer compares it with freshly parsed files, so
parse -> import -> document gives back what the parser produced. Built from plain rows
(`values_list` with joins): the same dozen queries for one profile or for thousands, and
no model instances, which is what makes comparing a whole export cheap.
"""

from collections import defaultdict

from competences.models import OccupationCompetence
from nsp import vocabulary as vocab
from occupations import models as m
from wages.models import OccupationWageTable, WageFigure


def profile_document(occupation):
    """The document of one stored occupation."""
    [document] = profile_documents(m.Occupation.objects.filter(pk=occupation.pk)).values()
    return document


def _grouped(queryset, *fields):
    """{occupation id: [row without the id]} in the queryset's order."""
    rows = defaultdict(list)
    for occupation_id, *values in queryset.values_list("occupation_id", *fields):
        rows[occupation_id].append(values[0] if len(values) == 1 else values)
    return rows


def profile_documents(occupations):
    """{occupation pk: document} for a queryset of occupations."""
    ids = occupations.values("pk")
    occupations = occupations.values_list(
        "pk", "nsp_id", "kind", "title", "description", "field__name", "subfield__name",
        "parent_name", "regulated",
    )  # fmt: skip

    def parts(model, *fields, order=("position",)):
        return _grouped(model.objects.filter(occupation_id__in=ids).order_by(*order), *fields)

    alternative_names = parts(m.AlternativeName, "name")
    qualification_levels = parts(m.OccupationQualification, "level__name")
    related = parts(m.RelatedOccupation, "name")
    activities = parts(m.Activity, "text")
    isco = parts(m.OccupationIsco, "group__code", "group__name")
    esco = parts(m.EscoLink, "code", "name", "url")
    loads = parts(m.WorkConditionLoad, "factor__name", "level", order=("position", "level"))
    education = parts(m.OccupationEducation, "tier", "field__type", "field__name", "field__code")
    competences = parts(
        OccupationCompetence,
        "competence__category", "competence__code", "competence__name", "level", "suitability",
    )  # fmt: skip
    health = parts(m.OccupationHealthRestriction, "restriction__name")
    wage_links = parts(
        OccupationWageTable,
        "scope", "table_id", "isco_name", "table__year", "table__isco_group__code",
        "table__isco_group__name",
        order=("scope", "position"),
    )  # fmt: skip
    tables = _figures({link[1] for links in wage_links.values() for link in links})

    documents = {}
    for pk, nsp_id, kind, title, description, field, subfield, parent, regulated in occupations:
        links = wage_links[pk]
        documents[pk] = {
            "nsp_id": nsp_id,
            "kind": kind,
            "title": title,
            "description": description,
            "field": field,
            "subfield": subfield,
            "qualification_levels": qualification_levels[pk],
            "alternative_names": alternative_names[pk],
            "parent": parent or None,
            "related": related[pk],
            "regulated": regulated,
            "activities": activities[pk],
            "isco": [{"code": code, "name": name} for code, name in isco[pk]],
            "wages": [
                {
                    "year": year,
                    "isco_code": code,
                    "isco_name": name or group_name,
                    "regions": tables[table_id]["regions"],
                }
                for scope, table_id, name, year, code, group_name in links
                if scope == "regional"
            ],
            "national_wages": [
                {
                    "year": year,
                    "isco_code": code,
                    "isco_name": name or group_name,
                    "business_median": tables[table_id]["national"].get(vocab.BUSINESS),
                    "public_median": tables[table_id]["national"].get(vocab.PUBLIC),
                }
                for scope, table_id, name, year, code, group_name in links
                if scope == "national"
            ],
            "esco": [{"code": c, "name": n, "url": u} for c, n, u in esco[pk]],
            "work_conditions": _work_conditions(loads[pk]),
            "education": [
                {"tier": tier, "type": kind_, "name": name, "code": code}
                for tier, kind_, name, code in education[pk]
            ],
            "competences": [
                {
                    "category": category,
                    "code": code,
                    "name": name,
                    "level": level,
                    "suitability": suitability,
                }
                for category, code, name, level, suitability in competences[pk]
            ],
            "health_restrictions": health[pk],
        }
    return documents


def _work_conditions(loads):
    """[(factor, level)] in source order -> [{'name', 'levels'}], one entry per factor."""
    conditions = []
    for name, level in loads:
        if conditions and conditions[-1]["name"] == name:
            conditions[-1]["levels"].append(level)
        else:
            conditions.append({"name": name, "levels": [level]})
    return conditions


def _range(low, median, high):
    if low is None and median is None and high is None:
        return None
    return {"low": low, "median": median, "high": high}


def _figures(table_ids):
    """{table id: {'regions': [...document rows in NUTS order], 'national': {sphere: median}}}"""
    tables = defaultdict(lambda: {"regions": {}, "national": {}})
    figures = WageFigure.objects.filter(table_id__in=table_ids).values_list(
        "table_id", "region__nuts3", "region__name", "sphere", "low", "median", "high"
    )
    for table_id, nuts3, region, sphere, low, median, high in figures:
        table = tables[table_id]
        if nuts3 is None:
            table["national"][sphere] = median
        else:
            table["regions"].setdefault((nuts3, region), {})[sphere] = _range(low, median, high)
    return {
        table_id: {
            "regions": [
                {
                    "region": region,
                    "business": spheres.get(vocab.BUSINESS),
                    "public": spheres.get(vocab.PUBLIC),
                }
                for (_, region), spheres in sorted(table["regions"].items())
            ],
            "national": table["national"],
        }
        for table_id, table in tables.items()
    } | {table_id: {"regions": [], "national": {}} for table_id in table_ids - set(tables)}
