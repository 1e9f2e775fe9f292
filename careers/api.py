"""The career moves in the JSON API (v1), with the API's conventions (portal/api.py).

    /api/v1/occupations/<nsp_id>/similar/[?kraj=…&sfera=…]
    /api/v1/match/?kompetence=<category>:<code>[:<level>]&…[&vzdelani=…][&kraj=…][&sfera=…]

Both answer {"results": [{"nsp_id", "title", "url", "score", "shared", "missing"}]}, best
first; the match adds "count", "next" and "previous" for its pages.
"""

from careers.forms import read_match_query, read_place
from careers.selectors import all_similar_moves, match_moves, rank_matches
from occupations.models import Occupation
from portal.api import api_view, json_error, json_page, json_response
from portal.caching import public_page

API_MATCHES_PER_PAGE = 50


def move_data(request, move):
    return {
        "nsp_id": move.nsp_id,
        "title": move.title,
        "url": request.build_absolute_uri(move.get_absolute_url()),
        "score": round(move.score, 4),
        "shared": [requirement.key for requirement in move.shared],
        "missing": [
            {"competence": requirement.key, "level": requirement.level}
            for requirement in move.missing
        ],
        "median": move.median,
    }


@api_view
@public_page
def similar(request, nsp_id):
    occupation = Occupation.objects.filter(nsp_id=nsp_id).first()
    if occupation is None:
        return json_error(404, f"No occupation with NSP id {nsp_id}.")
    place = read_place(request.GET)
    if place.problems:
        return json_error(400, "Invalid parameters.", problems=place.problems)
    moves = all_similar_moves(occupation, place)
    return json_response(
        {
            "results": [
                {**move_data(request, move), "wage_difference": move.wage_difference}
                for move in moves
            ]
        }
    )


@api_view
@public_page
def match(request):
    query = read_match_query(request.GET)
    if query.all_problems:
        return json_error(400, "Invalid parameters.", problems=query.all_problems)
    have = query.have()

    def results(ranked):
        moves = match_moves(ranked, have, region=query.place.region, sphere=query.place.sphere)
        return [move_data(request, move) for move in moves]

    # Nothing asked: nothing matches (the page shows an empty form).
    version = getattr(request, "data_version", None)
    ranked = rank_matches(query.picks, query.education, version) if query.asks else []
    return json_page(request, ranked, API_MATCHES_PER_PAGE, results)
