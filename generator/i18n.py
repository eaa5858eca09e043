"""Interface text in Dutch and English: every word the site shows that the content does not."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "skip": {"nl": "Ga naar de inhoud", "en": "Skip to content"},
    "nav": {"nl": "Hoofdmenu", "en": "Main menu"},
    "home": {"nl": "Radar", "en": "Radar"},
    "quadrants": {"nl": "Kwadranten", "en": "Quadrants"},
    "quadrant": {"nl": "Kwadrant", "en": "Quadrant"},
    "rings": {"nl": "Ringen", "en": "Rings"},
    "ring": {"nl": "Ring", "en": "Ring"},
    "tags": {"nl": "Labels", "en": "Tags"},
    "tag": {"nl": "Label", "en": "Tag"},
    "summary": {"nl": "Samenvatting", "en": "Summary"},
    "legend": {"nl": "Legenda: alle technologieën op nummer", "en": "Legend: every technology by number"},
    "radar_picture": {"nl": "Radarbeeld", "en": "Radar picture"},
    "radar_of": {"nl": "Radar {title}, editie {edition}", "en": "Radar {title}, edition {edition}"},
    "quadrant_picture": {"nl": "Ingezoomde radar van kwadrant {name}", "en": "Zoomed radar of quadrant {name}"},
    "downloads": {"nl": "Downloads", "en": "Downloads"},
    "download_png": {"nl": "Radar als afbeelding (PNG)", "en": "Radar as image (PNG)"},
    "download_pdf": {"nl": "Radar om te printen (PDF)", "en": "Radar for print (PDF)"},
    "download_svg": {"nl": "Radar als vectorafbeelding (SVG)", "en": "Radar as vector image (SVG)"},
    "download_json": {"nl": "Radar als data (JSON)", "en": "Radar as data (JSON)"},
    "edition": {"nl": "Editie", "en": "Edition"},
    "current_edition": {"nl": "huidige editie", "en": "current edition"},
    "technologies": {"nl": "Technologieën", "en": "Technologies"},
    "technology": {"nl": "Technologie", "en": "Technology"},
    "no_technologies": {"nl": "Geen technologieën.", "en": "No technologies."},
    "capabilities": {"nl": "Capabilitymodel", "en": "Capability model"},
    "capability_cells": {"nl": "Capabilities", "en": "Capabilities"},
    "initiatives": {"nl": "Initiatieven", "en": "Initiatives"},
    "initiative": {"nl": "Initiatief", "en": "Initiative"},
    "lead": {"nl": "Trekker", "en": "Lead"},
    "status": {"nl": "Status", "en": "Status"},
    "history": {"nl": "Tijdlijn", "en": "Timeline"},
    "note": {"nl": "Toelichting", "en": "Note"},
    "back_to_radar": {"nl": "Terug naar de radar", "en": "Back to the radar"},
    "number": {"nl": "Nummer", "en": "Number"},
    "source_file": {"nl": "Bronbestand", "en": "Source file"},
    "algorithm": {"nl": "Algoritme", "en": "Algorithm"},
    "leaflet": {"nl": "Bijsluiter", "en": "Information leaflet"},
    "purpose": {"nl": "Doel", "en": "Purpose"},
    "owner": {"nl": "Eigenaar", "en": "Owner"},
    "risks": {"nl": "Risico's", "en": "Risks"},
    "measures": {"nl": "Maatregelen", "en": "Measures"},
    "published": {"nl": "Gepubliceerd", "en": "Published"},
    "no_leaflet": {"nl": "Dit algoritme heeft nog geen bijsluiter.", "en": "This algorithm has no leaflet yet."},
    "footer": {
        "nl": "Gegenereerd uit de bronbestanden van de radar.",
        "en": "Generated from the radar's source files.",
    },
    "status_new": {"nl": "nieuw", "en": "new"},
    "status_moved-in": {"nl": "naar binnen", "en": "moved in"},
    "status_moved-out": {"nl": "naar buiten", "en": "moved out"},
    "status_unchanged": {"nl": "ongewijzigd", "en": "unchanged"},
    "status_retired": {"nl": "van de radar", "en": "retired"},
    "initiative_verkenning": {"nl": "Verkenning", "en": "Exploration"},
    "initiative_pilot": {"nl": "Pilot", "en": "Pilot"},
    "initiative_opschaling": {"nl": "Opschaling", "en": "Scaling up"},
    "initiative_in-gebruik": {"nl": "In gebruik", "en": "In use"},
    "initiative_gestopt": {"nl": "Gestopt", "en": "Stopped"},
    "score_opgepakt": {"nl": "Voldoende opgepakt", "en": "Sufficiently picked up"},
    "score_in-uitvoering": {"nl": "Werk in uitvoering", "en": "Work in progress"},
    "score_niet-in-beeld": {"nl": "Nog niet in beeld", "en": "Not yet in view"},
}


def translator(language: str):
    """A lookup for templates: t('key', name=...) in the radar's language, English as fallback."""

    def t(key: str, **values: object) -> str:
        entry = STRINGS.get(key)
        if entry is None:
            raise KeyError(f"no interface text '{key}'")
        text = entry.get(language) or entry["en"]
        return text.format(**values) if values else text

    return t
