"""What a job seeker, a counsellor and an editor do, clicked through in a real browser."""

import csv
import io
import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True, databases="__all__")

DIRECTOR = "Ředitel zákaznických služeb"
AGENT = "Pracovník distančního zákaznického servisu"
DIRECTOR_URL = "/povolani/reditel-zakaznickych-sluzeb/"
AGENT_URL = "/povolani/pracovnik-distancniho-zakaznickeho-servisu/"
WAGE_COLUMNS = [
    f"{sphere} – {figure}"
    for sphere in ("mzdová sféra", "platová sféra")
    for figure in ("od", "medián", "do")
]

# The computed style of the element with focus: what makes it visible, if anything.
FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.id || '').trim().slice(0, 60),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
  };
}"""


def add_to_comparison(title):
    # The title is in a visually hidden span, which Chromium sets off with a space.
    return re.compile(rf"^Přidat do porovnání\s*:\s*{title}$")


def h1(page):
    return page.get_by_role("heading", level=1)


def test_search_without_diacritics_leads_to_the_profile(page, site, expect):
    page.goto(site + "/")
    page.get_by_label("Název povolání").fill("reditel")
    page.get_by_role("button", name="Hledat").click()

    page.wait_for_url(re.compile(r"/povolani/\?q=reditel"))
    page.get_by_role("link", name=DIRECTOR, exact=True).click()

    expect(h1(page)).to_have_text(DIRECTOR)
    assert page.url == site + DIRECTOR_URL


def test_filter_by_a_regional_median(page, site, expect):
    page.goto(site + "/povolani/")
    page.locator("summary", has_text="Mzda").click()
    page.get_by_label("Kraj").select_option(label="Hlavní město Praha")
    page.get_by_label("Medián mzdy alespoň (Kč)").fill("50000")
    page.get_by_role("button", name="Zobrazit výsledky").click()

    page.wait_for_url(re.compile(r"mzda_od=50000"))
    titles = page.locator(".occupation-list .card-title")
    expect(titles).to_have_text([DIRECTOR])
    expect(page.locator(".card-wage")).to_contain_text("Hlavní město Praha")


def test_compare_two_profiles_and_download_the_csv(page, site, expect):
    page.goto(site + "/povolani/")
    page.get_by_role("link", name=add_to_comparison(AGENT)).click()
    page.get_by_role("link", name=add_to_comparison(DIRECTOR)).click()
    page.get_by_role("link", name="Porovnat", exact=True).click()

    expect(h1(page)).to_have_text("Porovnání povolání")
    compared = page.get_by_role("list", name="Porovnávaná povolání")
    expect(compared.get_by_role("link", name=AGENT, exact=True)).to_be_visible()
    expect(compared.get_by_role("link", name=DIRECTOR, exact=True)).to_be_visible()

    page.get_by_role("link", name="platová sféra").click()
    expect(page.get_by_role("heading", name="Mzdy podle krajů – platová sféra")).to_be_visible()
    assert "sfera=public" in page.url

    with page.expect_download() as info:
        page.get_by_role("link", name="Stáhnout CSV (Excel)").click()
    download = info.value
    content = download.path().read_bytes()
    assert content.startswith(b"\xef\xbb\xbf"), content[:20]
    header, *rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    # Three figures in each of two spheres per occupation, each column naming its source.
    assert header[1:7] == [f"{AGENT} (CZ-ISCO 4222, 2023) – {column}" for column in WAGE_COLUMNS]
    assert header[7:] == [f"{DIRECTOR} (CZ-ISCO 1221, 2020) – {column}" for column in WAGE_COLUMNS]
    assert [row[0] for row in rows][:2] == ["Hlavní město Praha", "Středočeský kraj"]
    assert download.suggested_filename == "porovnani-102742-103332.csv"


def test_a_competence_lists_every_occupation_that_needs_it(page, site, expect):
    page.goto(site + AGENT_URL)
    page.get_by_role("link", name="h13._.0024", exact=True).click()

    page.wait_for_url(site + "/kompetence/odborne-znalosti/h13._.0024/")
    expect(h1(page)).to_have_text("postupy při reklamacích, práva spotřebitele")
    table = page.get_by_role("table")
    expect(table.get_by_role("link", name=AGENT)).to_be_visible()
    expect(table.get_by_role("link", name=DIRECTOR)).to_be_visible()


def test_the_language_switch_keeps_the_page(page, site, expect):
    page.goto(site + DIRECTOR_URL)
    assert page.locator("html").get_attribute("lang") == "cs"
    page.get_by_role("link", name="English").click()

    page.wait_for_url(site + "/en" + DIRECTOR_URL)
    assert page.locator("html").get_attribute("lang") == "en"
    navigation = page.get_by_role("navigation", name="Main navigation")
    expect(navigation.get_by_role("link")).to_have_text(
        ["Occupations", "What I can do", "Wages", "Compare", "Competences", "About the data"]
    )
    expect(page.locator(".content-language-note")).to_have_text(
        "Occupation profiles from the National Occupation System are available in Czech "
        "only; the portal’s interface is in English."
    )
    expect(page.get_by_role("heading", name="Working conditions", exact=True)).to_be_visible()
    expect(h1(page)).to_have_text(DIRECTOR)  # the profile itself is in Czech only
    expect(h1(page)).to_have_attribute("lang", "cs")
    expect(page.get_by_role("link", name="Čeština")).to_have_attribute("hreflang", "cs")


def test_an_admin_edit_shows_on_the_public_page(admin_page, site, expect):
    from occupations.models import Occupation

    page = admin_page  # logged in through the admin's login form
    director = Occupation.objects.get(nsp_id=103332)
    page.goto(site + f"/admin/occupations/occupation/{director.pk}/change/")
    page.locator("#id_title").fill("Ředitelka zákaznických služeb")
    page.locator("input[name=_save]").click()
    page.wait_for_url(site + "/admin/occupations/occupation/")
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(site + DIRECTOR_URL)
    expect(h1(page)).to_have_text("Ředitelka zákaznických služeb")


def test_keyboard_only_from_the_home_page_to_a_profile(page, site, expect):
    page.goto(site + "/")

    def focused():
        state = page.evaluate(FOCUS_STYLE)
        assert state["outline"] or state["shadow"], f"focus is not visible on {state}"
        return state

    page.keyboard.press("Tab")
    skip = focused()
    assert skip["text"] == "Přeskočit na obsah"
    expect(page.get_by_role("link", name="Přeskočit na obsah")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "obsah"

    page.keyboard.press("Tab")
    assert focused()["tag"] == "input"
    page.keyboard.type("reditel")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/povolani/\?q=reditel"))

    for _ in range(40):
        page.keyboard.press("Tab")
        if focused()["text"] == DIRECTOR:
            break
    else:
        pytest.fail("the first result cannot be reached with the Tab key")
    page.keyboard.press("Enter")

    page.wait_for_url(site + DIRECTOR_URL)
    expect(h1(page)).to_have_text(DIRECTOR)


def test_a_job_seeker_finds_occupations_for_what_they_can_do(page, site, expect):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Hlavní navigace").get_by_role(
        "link", name="Co umím"
    ).click()
    page.get_by_label("Hledat kompetenci").fill("reklamac")
    page.get_by_role("button", name="Hledat", exact=True).click()
    page.get_by_role("button", name=re.compile(r"^Přidat\s*:\s*postupy při reklamacích")).click()
    page.get_by_label(re.compile("^postupy při reklamacích")).select_option(
        "professional_knowledge:h13._.0024:4"
    )
    page.get_by_role("button", name="Zobrazit povolání").click()

    assert "kompetence=professional_knowledge%3Ah13._.0024%3A4" in page.url
    results = page.get_by_role("region", name=re.compile("Požadavky splňujete"))
    expect(results.get_by_role("link", name=AGENT, exact=True)).to_be_visible()
    expect(results.get_by_role("link", name=DIRECTOR, exact=True)).to_be_visible()


def test_a_counsellor_looks_at_the_moves_from_a_profile(page, site, expect):
    page.goto(site + AGENT_URL)
    similar = page.get_by_role("region", name="Podobná povolání")
    similar.get_by_label("Kraj").select_option("praha")
    similar.get_by_role("button", name="Zobrazit mzdy").click()

    assert "kraj=praha" in page.url
    similar = page.get_by_role("region", name="Podobná povolání")
    expect(similar.get_by_text("+55 953 Kč")).to_be_visible()
    similar.get_by_role("link", name="Všech 20 podobných povolání").click()
    expect(h1(page)).to_contain_text("Podobná povolání")
    assert "kraj=praha" in page.url


def test_suggestions_as_you_type_work_from_the_keyboard(page, site, expect):
    page.goto(site + "/")
    box = page.get_by_role("combobox", name="Název povolání")
    box.press_sequentially("reditelk")
    suggestions = page.get_by_role("listbox", name="Návrhy")
    expect(suggestions).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status")).to_contain_text("Vyberte šipkami")
    first = suggestions.get_by_role("option").first
    expect(first).to_have_text(DIRECTOR)

    box.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    box.press("Escape")
    expect(suggestions).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press("ArrowDown")  # opens the list again, then chooses
    box.press("ArrowDown")
    box.press("Enter")
    expect(h1(page)).to_have_text(DIRECTOR)


def test_without_a_choice_enter_sends_the_search(page, site, expect):
    page.goto(site + "/povolani/")
    box = page.get_by_role("combobox", name="Hledat povolání")
    box.fill("zakaznick")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/povolani/\?q=zakaznick"))
    expect(page.get_by_role("heading", level=2, name=re.compile("Nalezena 2"))).to_be_visible()
