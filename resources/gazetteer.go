package resources

import (
	"embed"
	"fmt"
)

//go:embed gazetteer/*.tsv
var gazetteerFS embed.FS

// Gazetteer file names, for GazetteerFile.
const (
	GazetteerCountries     = "countries.tsv"      // curated: ISO3, name, other names, demonyms, capitals
	GazetteerOrganisations = "orgs.tsv"           // curated: name, kind, country, role, aliases
	GazetteerPeople        = "people.tsv"         // curated: office-holders with dated roles
	GazetteerPhoenix       = "phoenix_actors.tsv" // generated from PETRARCH2 Phoenix actor files (MIT)
	GazetteerPatterns      = "patterns.tsv"       // curated event patterns
	GazetteerVerbs         = "cameo_verbs.tsv"    // generated from PETRARCH2 CAMEO.2.0.txt (MIT)
	GazetteerCAMEOCodes    = "cameo_codes.tsv"    // curated: CAMEO code, name, Goldstein, PLOVER type, mode
	GazetteerRegions       = "regions.tsv"        // curated: US states, Canadian provinces, Australian states, abbreviations
	GazetteerCities        = "cities.tsv"         // generated from GeoNames cities1000 (CC BY 4.0)
)

// GazetteerFile returns one embedded gazetteer or event-dictionary file by name.
// The files are UTF-8, tab-separated, with '#' comment lines; see each file's
// header for its columns. Derived PETRARCH2 data is under the MIT licence
// and the GeoNames city table under CC BY 4.0, both in THIRD_PARTY_NOTICES.md.
func GazetteerFile(name string) ([]byte, error) {
	b, err := gazetteerFS.ReadFile("gazetteer/" + name)
	if err != nil {
		return nil, fmt.Errorf("resources: gazetteer file %s: %w", name, err)
	}
	return b, nil
}
