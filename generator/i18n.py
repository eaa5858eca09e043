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
    # Key to the marks on the blips in every radar picture
    "key_heading": {"nl": "Tekens in het radarbeeld", "en": "Marks in the radar picture"},
    "key_new": {"nl": "nieuw: een ring rond de stip", "en": "new: a ring around the dot"},
    "key_moved-in": {
        "nl": "naar binnen: een boog aan de kant van het midden",
        "en": "moved in: an arc on the side of the centre",
    },
    "key_moved-out": {"nl": "naar buiten: een boog aan de buitenkant", "en": "moved out: an arc on the outer side"},
    "key_unchanged": {"nl": "ongewijzigd: alleen de stip", "en": "unchanged: the dot alone"},
    "status_retired": {"nl": "van de radar", "en": "retired"},
    "initiative_verkenning": {"nl": "Verkenning", "en": "Exploration"},
    "initiative_pilot": {"nl": "Pilot", "en": "Pilot"},
    "initiative_opschaling": {"nl": "Opschaling", "en": "Scaling up"},
    "initiative_in-gebruik": {"nl": "In gebruik", "en": "In use"},
    "initiative_gestopt": {"nl": "Gestopt", "en": "Stopped"},
    "score_opgepakt": {"nl": "Voldoende opgepakt", "en": "Sufficiently picked up"},
    "score_in-uitvoering": {"nl": "Werk in uitvoering", "en": "Work in progress"},
    "score_niet-in-beeld": {"nl": "Nog niet in beeld", "en": "Not yet in view"},
    # Ring moves and the edition archive (generator/moves.py, generator/archive_pages.py)
    "moves": {"nl": "Verschuivingen", "en": "Ring moves"},
    "archive": {"nl": "Archief", "en": "Archive"},
    "moves_title": {"nl": "Verschuivingen in editie {edition}", "en": "Ring moves in edition {edition}"},
    "moves_of": {"nl": "Verschuivingen {edition}", "en": "Moves {edition}"},
    "moves_compared": {"nl": "Vergeleken met editie {previous}.", "en": "Compared with edition {previous}."},
    "moves_first": {
        "nl": "Dit is de eerste editie: alle technologieën zijn nieuw.",
        "en": "This is the first edition: every technology is new.",
    },
    "moves_counts": {"nl": "Aantallen per status", "en": "Counts per status"},
    "moves_table": {"nl": "Verschuivingen per kwadrant", "en": "Moves by quadrant"},
    "moves_none": {"nl": "Geen verschuivingen in deze editie.", "en": "No moves in this edition."},
    "moves_new": {"nl": "Nieuw op de radar", "en": "New on the radar"},
    "moves_none_new": {"nl": "Geen nieuwe technologieën.", "en": "No new technologies."},
    "moves_retired": {"nl": "Van de radar gehaald", "en": "Retired"},
    "moves_none_retired": {"nl": "Niets van de radar gehaald.", "en": "Nothing retired."},
    "moves_chart": {"nl": "Verschuivingen tussen ringen", "en": "Moves between rings"},
    "moves_chart_alt": {
        "nl": "Schema van de verschuivingen in editie {edition}: per ring in de vorige editie (rijen) het aantal "
        "technologieën per ring in deze editie (kolommen). Dezelfde gegevens staan in de tabellen hieronder.",
        "en": "Chart of the moves in edition {edition}: for each ring in the previous edition (rows) the number "
        "of technologies per ring in this edition (columns). The tables below hold the same data.",
    },
    "moves_chart_caption": {
        "nl": "Elke technologie telt één keer. Op de diagonaal: ongewijzigd; links ervan: naar binnen; "
        "rechts ervan: naar buiten.",
        "en": "Every technology counts once. On the diagonal: unchanged; left of it: moved in; right of it: moved out.",
    },
    "chart_as_table": {"nl": "Het schema als tabel", "en": "The chart as a table"},
    "chart_from": {"nl": "Ring in vorige editie ({edition})", "en": "Ring in previous edition ({edition})"},
    "chart_to": {"nl": "Ring in editie {edition}", "en": "Ring in edition {edition}"},
    "chart_new_row": {"nl": "(nieuw)", "en": "(new)"},
    "chart_retired_col": {"nl": "(van de radar)", "en": "(retired)"},
    "from_ring": {"nl": "Van ring", "en": "From ring"},
    "to_ring": {"nl": "Naar ring", "en": "To ring"},
    "last_ring": {"nl": "Laatste ring", "en": "Last ring"},
    "returned": {"nl": "terug op de radar", "en": "returned"},
    "was_ring": {"nl": "was {ring}", "en": "was {ring}"},
    "table_of": {"nl": "Tabel: {name}", "en": "Table: {name}"},
    "number_of": {"nl": "Aantal", "en": "Number"},
    "download_review": {
        "nl": "Review als PDF (radar, verschuivingen en schema)",
        "en": "Review as PDF (radar, moves and chart)",
    },
    "download_chart": {"nl": "Schema als vectorafbeelding (SVG)", "en": "Chart as vector image (SVG)"},
    "edition_steps": {"nl": "Andere edities", "en": "Other editions"},
    "edition_radar": {"nl": "Radar editie {edition}", "en": "Radar edition {edition}"},
    "archive_title": {"nl": "Archief: alle edities", "en": "Archive: every edition"},
    "archive_intro": {
        "nl": "De radar zoals die per kwartaal stond, met de verschuivingen ten opzichte van het kwartaal ervoor.",
        "en": "The radar as it stood each quarter, with the moves against the quarter before.",
    },
    "archive_notice": {
        "nl": "Dit is de radar zoals die stond in editie {edition}.",
        "en": "This is the radar as it stood in edition {edition}.",
    },
    "archive_to_current": {"nl": "Naar de huidige editie ({edition})", "en": "To the current edition ({edition})"},
    # Capability model and initiatives pages (generator/capability_pages.py)
    "cap_grid_caption": {
        "nl": "{title}: de aangrijpingspunten in de kolommen, de veranderdynamiek in de rijen",
        "en": "{title}: the levers of change in the columns, the dynamics of change in the rows",
    },
    "cap_corner": {"nl": "Dynamiek \u2572 aangrijpingspunt", "en": "Dynamics \u2572 lever"},
    "cap_scroll": {"nl": "Het capabilitymodel als tabel", "en": "The capability model as a table"},
    "criteria": {"nl": "Criteria", "en": "Criteria"},
    "score": {"nl": "Score korpsleiding", "en": "Leadership score"},
    "score_none": {"nl": "Nog niet gescoord", "en": "Not scored yet"},
    "score_given": {"nl": "gescoord in {edition}", "en": "scored in {edition}"},
    "score_up": {"nl": "verbeterd, was: {was} ({edition})", "en": "improved, was: {was} ({edition})"},
    "score_down": {"nl": "verslechterd, was: {was} ({edition})", "en": "worse, was: {was} ({edition})"},
    "score_same": {"nl": "ongewijzigd sinds {edition}", "en": "unchanged since {edition}"},
    "score_first": {"nl": "eerste score", "en": "first score"},
    "score_history": {"nl": "Scoreverloop", "en": "Score history"},
    "gap": {"nl": "Gat", "en": "Gap"},
    "gap_cell": {
        "nl": "Gat: geen technologie op de radar en geen lopend initiatief",
        "en": "Gap: no technology on the radar and no running initiative",
    },
    "gaps_summary": {
        "nl": "Gaten: {count} van de {total} cellen. Algoritmen op de radar zonder bijsluiter: {leaflets}.",
        "en": "Gaps: {count} of the {total} cells. Algorithms on the radar without a leaflet: {leaflets}.",
    },
    "leaflet_gap": {
        "nl": "Gat: algoritmen zonder bijsluiter: {count}",
        "en": "Gap: algorithms without a leaflet: {count}",
    },
    "leaflet_rule": {
        "nl": "Algoritmen zonder bijsluiter tellen als gat van de cel \u201c{cell}\u201d, "
        "omdat die er in haar criteria om vraagt.",
        "en": "Algorithms without a leaflet count as a gap of the cell \u201c{cell}\u201d, whose criteria ask for one.",
    },
    "leaflet_no_cell": {
        "nl": "Geen cel van het model noemt een bijsluiter in haar criteria, "
        "dus algoritmen zonder bijsluiter tellen bij geen cel mee.",
        "en": "No cell of the model mentions a leaflet in its criteria, "
        "so algorithms without one count towards no cell.",
    },
    "off_radar": {"nl": "Niet op de radar van deze editie", "en": "Not on this edition's radar"},
    "no_initiatives": {"nl": "Geen initiatieven.", "en": "No initiatives."},
    "no_cells": {"nl": "Op geen cel geplot.", "en": "Plotted on no cell."},
    "cell_picture": {
        "nl": "Radar met alleen de technologieën van de cel {title}",
        "en": "Radar showing only the technologies of the cell {title}",
    },
    "cell_position": {"nl": "{column} \u00d7 {row}", "en": "{column} \u00d7 {row}"},
    "technology_count": {"nl": "Technologieën", "en": "Technologies"},
    "initiatives_table": {"nl": "Alle initiatieven", "en": "Every initiative"},
    "back_to_capabilities": {"nl": "Terug naar het capabilitymodel", "en": "Back to the capability model"},
    "back_to_initiatives": {"nl": "Terug naar de initiatieven", "en": "Back to the initiatives"},
    # Search, filters and the browse index of filter pages (generator/search.py, static/radar.js)
    "search": {"nl": "Zoeken", "en": "Search"},
    "search_heading": {"nl": "Zoeken en bladeren", "en": "Search and browse"},
    "search_label": {
        "nl": "Zoek in titels, samenvattingen, labels en uitleg",
        "en": "Search titles, summaries, tags and explanations",
    },
    "search_button": {"nl": "Zoeken", "en": "Search"},
    "search_nojs": {
        "nl": "Hieronder staan alle technologieën; zonder JavaScript vindt u ze met de zoekfunctie van de browser.",
        "en": "Every technology is listed below; without JavaScript, use the browser's find to search them.",
    },
    "search_count": {
        "nl": "{shown} van {total} technologieën gevonden",
        "en": "{shown} of {total} technologies found",
    },
    "all_technologies": {"nl": "Alle technologieën", "en": "All technologies"},
    "browse": {"nl": "Bladeren", "en": "Browse"},
    "browse_intro": {
        "nl": "Dezelfde filters als op de radar, als vaste pagina's die ook zonder JavaScript werken.",
        "en": "The same filters as on the radar, as static pages that also work without JavaScript.",
    },
    "filter_heading": {"nl": "Filteren", "en": "Filter"},
    "filter_any": {"nl": "alle", "en": "all"},
    "filter_apply": {"nl": "Filter toepassen", "en": "Apply filter"},
    "filter_reset": {"nl": "Filters wissen", "en": "Clear filters"},
    "filter_cell": {"nl": "Capability-cel", "en": "Capability cell"},
    "filter_count": {
        "nl": "{shown} van {total} technologieën getoond",
        "en": "{shown} of {total} technologies shown",
    },
    "filter_pages": {
        "nl": "Dezelfde filters als vaste pagina's",
        "en": "The same filters as static pages",
    },
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
