package extract

// featureWords name a body of water or a landform after the place that
// follows "of" ("Gulf of Mexico", "Bay of Bengal"): a place of its own,
// not the country it is named after.
var featureWords = set(`gulf bay sea strait straits isthmus cape`)

// foreignConnectors join the words of a name in French, Spanish, Italian or
// Portuguese ("Banque Nationale de Paris", "Banco do Brasil").
var foreignConnectors = set(`de du des di del della do da`)

// regionPrefixes before a country's name or adjective make a region of
// it ("Latin America", "South American", "Pan American").
var regionPrefixes = set(`latin north south central northern southern pan`)

// namedAfterPlace are the words of agreements and creditor groups named
// after the place where they were made ("Athens Convention", "London Club").
var namedAfterPlace = set(`convention accord accords agreement agreements club protocol declaration treaty pact`)

// listingWords before "in" or "on" make the place after them where
// securities are listed or quoted ("will be listed in Luxembourg").
var listingWords = set(`listed listing quoted`)

// insideOtherName reports whether the place or country named at toks[a:b]
// is only a word of another name or a detail of a security, not a place the
// text speaks of: a place named after it ("New England"), a region named
// after it ("Latin American"), a body of water named after it ("Gulf of Mexico"), a round
// of negotiations named after where it began ("Uruguay Round"), a company
// name its adjective is joined to by a slash ("Royal Dutch/Shell"), a foreign-language name it
// ends ("Banque Nationale de Paris"), or the market where bonds are listed
// ("listed in Luxembourg"). city says that the name is a city's: an
// agreement named after a city is one whatever its case ("the Paris accord").
func insideOtherName(toks []token, a, b int, demonym, alias, city bool) bool {
	if a >= 1 && toks[a-1].text == "New" {
		return true // "New England", "New Orleans": a place named after another
	}
	if a >= 1 && toks[a-1].cap && regionPrefixes[toks[a-1].key] && (demonym || alias) {
		return true // "Latin American", "Central America": a region, not the country ("North Yemen" is one)
	}
	if a >= 2 && toks[a-1].key == "of" && featureWords[toks[a-2].key] && toks[a-2].cap {
		return true
	}
	if b < len(toks) && toks[b].key == "round" {
		return true // "the Uruguay round", "the latest Uruguay round", "the \"Uruguay round\" talks"
	}
	if b < len(toks) && (toks[b].cap || city) && namedAfterPlace[toks[b].key] {
		return true // "Athens Convention", "London Club": an agreement or a group named after where it began
	}
	if demonym && b+1 < len(toks) && toks[b].text == "/" && toks[b].start == toks[b-1].end && toks[b+1].start == toks[b].end && toks[b+1].cap {
		return true
	}
	if a >= 2 && foreignConnectors[toks[a-1].key] && !toks[a-1].cap && toks[a-2].cap && toks[a-2].word {
		return true
	}
	for j := a - 1; j >= 0 && j >= a-3; j-- {
		if !toks[j].word {
			return false
		}
		if toks[j].key == "in" || toks[j].key == "on" {
			return j > 0 && (listingWords[toks[j-1].key] || (toks[j-1].key == "is" && j > 1 && listingWords[toks[j-2].key]))
		}
	}
	return false
}
