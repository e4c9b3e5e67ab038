package extract

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// stopwords are function words and common sentence openers that are
// capitalised only because they start a sentence.
var stopwords = set(`a an the this that these those it its it's he she his her him they them their we our us i me my you your
and or but nor so yet for of in on at by to from with without about above after against along among around as before behind below
beneath beside between beyond despite during except following inside into like near off onto out outside over past since through
throughout toward towards under underneath unlike until up upon via within also however meanwhile moreover furthermore nevertheless
nonetheless still then thus therefore instead otherwise indeed although though while whereas because if unless when whenever where
wherever whether which who whom whose what whatever why how all any both each either every few many more most much neither no none
one other several some such there here not only just even again already ago almost always never often once perhaps rather really
sometimes soon too very well yes experts officials analysts critics observers sources residents people photo photos file according
asked speaking adding saying reporting last next this first second third new former late early earlier later today yesterday tomorrow
will would can could should may might must shall do does did is are was were be been being has have had let my mr mrs ms dr
confrontation differences president minister senator premier chancellor king queen prince general judge secretary spokesperson
spokesman spokeswoman two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds
thousand thousands million millions dozens dozen scores`)

// titles map the words of an office or occupation written before a name to
// the CAMEO role they imply ("" = no particular role).
var titles = map[string]string{
	"president": "GOV", "president-elect": "GOV", "vice": "", "prime": "", "minister": "GOV", "premier": "GOV", "chancellor": "GOV",
	"secretary": "GOV", "secretary-general": "IGO", "senator": "LEG", "sen.": "LEG", "representative": "LEG", "rep.": "LEG",
	"congressman": "LEG", "congresswoman": "LEG", "lawmaker": "LEG", "legislator": "LEG", "speaker": "LEG", "mp": "LEG",
	"legislative": "LEG", "parliamentarian": "LEG", "councillor": "LEG", "councilor": "LEG",
	"governor": "GOV", "gov.": "GOV", "mayor": "GOV", "ambassador": "GOV", "envoy": "GOV", "diplomat": "GOV", "official": "GOV",
	"spokesperson": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "king": "GOV", "queen": "GOV", "emperor": "GOV",
	"sultan": "GOV", "emir": "GOV", "sheikh": "GOV", "crown": "", "prince": "GOV", "princess": "",
	"general": "MIL", "gen.": "MIL", "admiral": "MIL", "adm.": "MIL", "commander": "MIL", "colonel": "MIL", "col.": "MIL",
	"lieutenant": "MIL", "lt.": "MIL", "captain": "MIL", "capt.": "MIL", "major": "MIL", "sergeant": "MIL", "marshal": "MIL",
	"judge": "JUD", "justice": "JUD", "prosecutor": "JUD",
	"chairman": "", "chairwoman": "", "chair": "", "chairperson": "", "leader": "", "director": "", "head": "", "chief": "",
	"fellow": "EDU", "professor": "EDU", "prof.": "EDU", "researcher": "EDU", "scholar": "EDU", "analyst": "", "economist": "",
	"dr.": "", "dr": "", "mr.": "", "mr": "", "mrs.": "", "mrs": "", "ms.": "", "ms": "", "ceo": "BUS", "founder": "BUS",
	"foreign": "", "defense": "", "defence": "", "finance": "", "trade": "", "interior": "", "economy": "", "commerce": "",
	"deputy": "", "acting": "", "former": "", "then": "", "senior": "", "junior": "", "state": "", "of": "", "affairs": "",
	"for": "", "the": "", "and": "", "national": "", "security": "", "adviser": "GOV", "advisor": "GOV", "opposition": "OPP",
	"party": "", "ruling": "", "first": "", "lady": "", "cabinet": "GOV", "attorney": "JUD", "top": "", "new": "",
	"army": "MIL", "navy": "MIL", "air": "", "force": "", "coast": "", "guard": "", "spy": "SPY", "intelligence": "",
	"journalist": "MED", "reporter": "MED", "activist": "CVL", "dissident": "OPP", "candidate": "", "nominee": "",
	"staff": "", "incoming": "", "outgoing": "", "veteran": "", "interim": "", "transitional": "", "caretaker": "", "democratic": "", "republican": "", "labour": "", "conservative": "",
}

// coreTitles are the title words that, on their own, make the next name a person.
var coreTitles = set(`president president-elect minister premier chancellor secretary secretary-general senator sen. representative rep.
congressman congresswoman lawmaker legislator speaker mp governor gov. mayor ambassador envoy diplomat official spokesperson spokesman
spokeswoman king queen emperor sultan emir sheikh prince princess general gen. admiral adm. commander colonel col. lieutenant lt. captain
capt. sergeant marshal judge justice prosecutor chairman chairwoman chair chairperson leader director head chief fellow professor prof.
researcher scholar analyst economist dr. dr mr. mr mrs. mrs ms. ms ceo founder adviser advisor journalist reporter activist dissident
candidate nominee lady attorney`)

// regnalTitles are followed by a given or regnal name ("Prince Charles",
// "King Fahd", "Queen Elizabeth"), never by a surname: after one, a word that
// is some office-holder's surname does not name that office-holder.
var regnalTitles = set(`king queen prince princess emperor empress sultan emir sheikh pope crown`)

// orgHeads end (or start) names of organisations.
var orgHeads = set(`ministry department court institute institution company corporation corp corp. inc inc. ltd ltd. co co. group
council commission committee agency bank fund foundation association organization organisation office bureau authority university
college academy school party parliament assembly congress senate army navy force forces police guard coalition alliance union federation
league front movement network center centre observatory hospital times post news press journal television tv radio airlines airways
administration board service services council tribunal yuan administration exchange federation society trust institute club
cabinet government secretariat mission embassy consulate partners holdings industries motors systems securities
enterprises investments associates communications technologies properties savings insurance railroad railroads`)

// nameConnectors may join the words of an organisation's name.
var nameConnectors = set(`of for and the on de du des la le von der van den al el bin & da di`)

// personParticles may sit inside a person's name.
var personParticles = set(`von der van den de da di du la le al el bin ibn bint`)

// reportingVerbs introduce what someone said.
var reportingVerbs = set(`said says say told tells stated states added adds wrote writes argued argues warned warns noted notes claimed
claims insisted insists declared declares announced announces described describes called calls according`)

// determiners before a trigger word make it a noun ("the visit", "a sign").
var determiners = set(`the a an this that these those his her its their our my your whose which of any some each every such no with phone telephone video
drone missile rocket terror terrorist suicide cyber air bomb knife gun border peace trade`)

// negators cancel an event when they come just before its trigger.
var negators = set(`not n't never no neither nor without cannot won't didn't doesn't don't hasn't haven't hadn't isn't aren't wasn't weren't
wouldn't couldn't shouldn't refuses refused declined failed`)

// clauseBreaks end the search for an event's recipients.
var clauseBreaks = set(`, ; : but while whereas as because after before although though which who when where since until unless
if so whether - — –`)

// actorBreaks end the search for an event's actors.
var actorBreaks = set(`; : that which who whom while whereas because after before although though if unless whether “ ” "`)

// prepositions before a name make it an object, not a subject.
var prepositions = set(`to with of in on at from for by into about against between over toward towards among across through under within without`)
