"""Rebuild the profile document (nsp-profile.schema.json) of a stored occupation.

The JSON API returns it and the importer compares it with a freshly parsed file, so
parse -> import -> document gives back what the parser produced.
"""

from itertools import groupby

from nsp import vocabulary as vocab


def profile_document(occupation):
    """The document of an occupation fetched with `Occupation.objects.with_profile()`."""
    wage_links = list(occupation.wage_links.all())
    return {
        "nsp_id": occupation.nsp_id,
        "kind": occupation.kind,
        "title": occupation.title,
        "description": occupation.description,
        "field": occupation.field.name if occupation.field else None,
        "subfield": occupation.subfield.name if occupation.subfield else None,
        "qualification_levels": [link.level.name for link in occupation.qualification_links.all()],
        "alternative_names": [a.name for a in occupation.alternative_names.all()],
        "parent": occupation.parent_name or None,
        "related": [r.name for r in occupation.related.all()],
        "regulated": occupation.regulated,
        "activities": [a.text for a in occupation.activities.all()],
        "isco": [
            {"code": link.group.code, "name": link.group.name}
            for link in occupation.isco_links.all()
        ],
        "wages": [regional_table(link.table) for link in wage_links if link.scope == "regional"],
        "national_wages": [
            national_row(link.table) for link in wage_links if link.scope == "national"
        ],
        "esco": [
            {"code": e.code, "name": e.name, "url": e.url} for e in occupation.esco_links.all()
        ],
        "work_conditions": [
            {"name": factor.name, "levels": sorted(load.level for load in loads)}
            for factor, loads in groupby(
                occupation.work_condition_loads.all(), key=lambda load: load.factor
            )
        ],
        "education": [
            {
                "tier": link.tier,
                "type": link.field.type,
                "name": link.field.name,
                "code": link.field.code,
            }
            for link in occupation.education_links.all()
        ],
        "competences": [
            {
                "category": link.competence.category,
                "code": link.competence.code,
                "name": link.competence.name,
                "level": link.level,
                "suitability": link.suitability,
            }
            for link in occupation.competence_links.all()
        ],
        "health_restrictions": [link.restriction.name for link in occupation.health_links.all()],
    }


def _range(figure):
    if figure is None or figure.is_empty:
        return None
    return {"low": figure.low, "median": figure.median, "high": figure.high}


def regional_table(table):
    """One entry of the document's `wages`: the table's figures region by region."""
    by_region = {}
    for figure in table.figures.all():
        if figure.region_id is not None:
            by_region.setdefault(figure.region, {})[figure.sphere] = figure
    return {
        "year": table.year,
        "isco_code": table.isco_group.code,
        "isco_name": table.isco_group.name,
        "regions": [
            {
                "region": region.name,
                "business": _range(spheres.get(vocab.BUSINESS)),
                "public": _range(spheres.get(vocab.PUBLIC)),
            }
            for region, spheres in sorted(by_region.items(), key=lambda item: item[0].nuts3)
        ],
    }


def national_row(table):
    """One entry of the document's `national_wages`."""
    medians = {f.sphere: f.median for f in table.figures.all() if f.region_id is None}
    return {
        "year": table.year,
        "isco_code": table.isco_group.code,
        "isco_name": table.isco_group.name,
        "business_median": medians.get(vocab.BUSINESS),
        "public_median": medians.get(vocab.PUBLIC),
    }
