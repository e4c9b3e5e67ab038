package extract

// reportedTo are the words before a news medium's name that make it the
// channel of a statement ("told Reuters", "in an interview with AP",
// "polled by Reuters", "questions from AFP", "according to Xinhua").
var reportedTo = set(`told tells tell telling to with by from according`)

// reportedAfter are the words after a news medium's name that make it the
// channel of a report ("Reuters reported", "a Reuters survey").
var reportedAfter = set(`reported reports report reporter reporters said says correspondent correspondents survey surveys poll polls
calculations calculated interview interviews news quoted quotes cited query queries enquiry enquiries inquiry inquiries
question questions`)

// attribution reports whether the news medium named at toks[a:b] is written
// as the channel a statement or figure came through: who reported the story,
// not a party to it, so it lends the story no country.
func attribution(toks []token, a, b int) bool {
	if a > 0 && reportedTo[toks[a-1].key] {
		return true
	}
	for j := b; j < len(toks); j++ {
		if toks[j].word {
			return reportedAfter[toks[j].key]
		}
	}
	return true // the wire's sign-off closing the text
}
