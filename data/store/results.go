package store

// ArticleSummary is an article without its body, for lists.
type ArticleSummary struct {
	ID                              int64
	Title, Publication, Author, URL string
	Published, Dateline, Language   string
	SourcePath                      string
	SourcePos                       int
	Runes                           int // body length in runes
}

// ImportResult reports what ImportArticles did: IDs[i] is the id of the i-th
// article, or 0 when it was skipped as a duplicate.
type ImportResult struct {
	IDs        []int64
	Duplicates int
	// Unsaved lists the articles imported without their suggestions
	// (ImportFrom), each error naming the article.
	Unsaved []error
	// Cleared lists the articles whose published date was not a date
	// (model.ValidDate): they are imported with the date unknown, for the
	// analyst to fill in, rather than refused. Each error names the article
	// and the date.
	Cleared []error
}

// ImportItem is an article to import and, when Extraction is not nil, the
// extractor's suggestions for it.
type ImportItem struct {
	Article    Article
	Extraction *Extraction
}

// Markers placed around each hit in SearchHit.Snippet. They are control
// characters that never occur in article text; a UI replaces them with its
// own highlighting.
const (
	HitStart = "\x02"
	HitEnd   = "\x03"
)

// SearchHit is one article found by Search.
type SearchHit struct {
	ArticleID                     int64
	Title, Publication, Published string
	// Snippet is an excerpt of the body around the first hit, with every hit
	// in it between HitStart and HitEnd; "…" marks where the body was cut.
	Snippet string
	// FirstHit is the rune offset in the body of the first hit, or -1 when
	// only the title matched.
	FirstHit int
	// Rank is the hit's score, lower is better; hits are sorted by it. The
	// SQLite engine gives BM25 as FTS5's bm25() does (negative); scores are
	// comparable within one search only.
	Rank float64
}

// Counts is the number of rows of each kind in a project.
type Counts struct {
	Articles, Entities, Events, Passages, Tags, Mentions int
}
