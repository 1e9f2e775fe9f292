"""Accessibility audit: axe-core on every kind of public page, on a desktop and on a phone.

axe-core is injected into the page as a script. The site's Content-Security-Policy rightly
forbids inline scripts, so the audit's browser context is opened with bypass_csp=True: that
switches the policy off for axe only, in this context only. Every other browser test runs with
the policy in force.
"""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True, databases="__all__")

# WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

PAGES = {
    "home": "/",
    "list-with-filters": "/povolani/?kraj=praha&mzda_od=1&porovnat=102742",
    "list-with-errors": "/povolani/?mzda_od=abc&zatez_max=9",
    "profile-occupation": "/povolani/reditel-zakaznickych-sluzeb/",
    "profile-specialization": "/povolani/pracovnik-distancniho-zakaznickeho-servisu/",
    "profile-public-sphere": "/povolani/reditel-zakaznickych-sluzeb/?sfera=public",
    "comparison": "/porovnani/?id=102742&id=103332",
    "wages-ranking": "/mzdy/?kraj=praha",
    "wages-occupation": "/mzdy/?povolani=103332",
    "competence-index": "/kompetence/",
    "competence-detail": "/kompetence/odborne-znalosti/h13._.0024/",
    "isco": "/isco/1221/",
    "about": "/o-datech/",
    "not-found": "/neexistuje/",
    "english-home": "/en/",
    "list-empty": "/povolani/?q=astronaut",
    "comparison-empty": "/porovnani/",
    "comparison-invalid": "/porovnani/?id=abc",
    "competence-code-choice": "/kompetence/4.4/",
    "english-profile": "/en/povolani/reditel-zakaznickych-sluzeb/",
    "english-list": "/en/povolani/?kraj=praha&mzda_od=1",
    "admin-login": "/admin/login/",
    "similar": "/povolani/pracovnik-distancniho-zakaznickeho-servisu/podobna/?kraj=praha",
    "match": "/co-umim/?kompetence=soft:2.1:3&kompetence=general_skill:b01&hledat=reklamac"
    "&vzdelani=6341M&kraj=praha",
    "match-errors": "/co-umim/?kompetence=nesmysl&kompetence=soft:9.9&kraj=atlantida",
    "match-empty": "/co-umim/",
}
# Pages audited in their error state; every other page answers 200.
STATUS = {"not-found": 404, "comparison-invalid": 400}
PHONE_WIDTH = 390

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
  }));
}"""

# What axe leaves out: ids used twice, and references (label for=, aria-labelledby,
# aria-describedby, aria-controls, headers) to ids that are not on the page.
BROKEN_IDS = """() => {
  const counts = {};
  document.querySelectorAll('[id]').forEach(e => { counts[e.id] = (counts[e.id] || 0) + 1; });
  const problems = Object.entries(counts).filter(([, n]) => n > 1)
    .map(([id, n]) => `id ${id} used ${n}x`);
  const attrs = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'headers'];
  for (const attr of attrs) {
    document.querySelectorAll(`[${attr}]`).forEach(e => {
      for (const id of e.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) {
          problems.push(`${e.tagName.toLowerCase()}[${attr}] -> missing #${id}`);
        }
      }
    });
  }
  return problems;
}"""


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} {v['helpUrl']}")
        for node in v["nodes"][:10]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_passes_the_audit(new_page, site, axe_source, name, viewport):
    path = PAGES[name]
    page = new_page(viewport, bypass_csp=True)  # for axe's inline script, see above
    response = page.goto(site + path)
    assert response.status == STATUS.get(name, 200)
    # Audit what the filters hide until they are opened, too.
    page.locator("details:not([open]) > summary").evaluate_all("els => els.forEach(e => e.click())")

    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)

    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {path} ({viewport}):\n{describe(blocking)}"
    broken = page.evaluate(BROKEN_IDS)
    assert not broken, f"{path} ({viewport}): " + "; ".join(broken)
    if viewport == "phone":
        assert page.viewport_size["width"] == PHONE_WIDTH
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE_WIDTH, f"{path} scrolls sideways on a phone: {width}px wide"


# Where Tab put the focus, whether it shows, and whether it has been there before.
FOCUS_WALK = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  window.focusWalk = window.focusWalk || new WeakSet();
  const again = window.focusWalk.has(el);
  window.focusWalk.add(el);
  return {
    element: el.outerHTML.slice(0, 120),
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== 'none',
    done: again || el === document.body,
  };
}"""
# How many Tab stops the page should have: a group of radio buttons is one.
CONTROLS = """() => {
  const controls = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]'
  )].filter(e => e.checkVisibility());
  const radioGroups = new Set(controls.filter(e => e.type === 'radio').map(e => e.name));
  return controls.filter(e => e.type !== 'radio').length + radioGroups.size;
}"""
FOCUS_PAGES = ["home", "list-with-filters", "profile-occupation", "comparison", "wages-ranking"]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_open_suggestions_pass_the_audit(new_page, site, axe_source, viewport):
    page = new_page(viewport, bypass_csp=True)
    page.goto(site + "/")
    page.get_by_role("combobox").press_sequentially("zakaz")
    page.get_by_role("listbox").wait_for()
    page.get_by_role("combobox").press("ArrowDown")
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
    assert page.evaluate(BROKEN_IDS) == []


@pytest.mark.parametrize("path", [PAGES[name] for name in FOCUS_PAGES], ids=FOCUS_PAGES)
def test_every_control_shows_keyboard_focus(page, site, path):
    page.goto(site + path)
    reached = 0
    for _ in range(500):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_WALK)
        if state["done"]:
            break  # round the page once
        assert state["visible"], f"no visible focus on {path}: {state['element']}"
        reached += 1
    assert reached == page.evaluate(CONTROLS)


ADMIN_PAGES = [
    "/admin/",
    "/admin/occupations/occupation/",
    "/admin/occupations/occupation/add/",
    "/admin/occupations/occupation/data-check/",
]


def test_the_admin_works_under_the_content_security_policy(admin_page, site, expect):
    from occupations.models import Occupation

    page = admin_page
    problems = []
    page.on("console", lambda m: "Content Security Policy" in m.text and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    director = Occupation.objects.get(nsp_id=103332)

    for path in [*ADMIN_PAGES, f"/admin/occupations/occupation/{director.pk}/change/"]:
        page.goto(site + path)  # waits for the load event: the admin's scripts have run
    # The admin's scripts ran: inlines.js adds the "add another" links.
    expect(page.locator(".add-row a").first).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Ředitel zákaznických služeb")
    assert not problems, "\n".join(problems)
