"""A real build of the minimal fixture manual: every contract URL exists."""
import json


def test_minimal_manual_builds_every_contract_url(project):
    result = project().build()
    assert result.returncode == 0, result.output
    for url in ["elementen/", "elementen/goed-overleg/", "elementen/slecht-overleg/",
                "themas/samenwerking/", "regios/dorp/", "soorten/werkzaam/",
                "betrokkenen/gemeente/", "bronnen/"]:
        assert "<html" in result.page(url)
    data = json.loads((result.site / "elementen.json").read_text("utf-8"))
    assert {e["id"] for e in data["elementen"]} == {"goed-overleg", "slecht-overleg", "samen-leren"}
