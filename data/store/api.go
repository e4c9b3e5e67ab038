// Package store defines the project API of Attaché: what the application and
// the command line ask of a project, whichever engine keeps it. Two engines
// implement Store: data/store/sqlite (one analyst's project in a file) and
// data/store/postgres (a team's project in a database); data/project.Open
// picks one from the project's location. The domain types are those of
// data/model; this package adds the filters, results and errors of the API.
//
// The contract every engine keeps (data/store/storetest checks it):
//
//   - Offsets into article bodies are rune (Unicode code point) offsets,
//     start inclusive, end exclusive. Bodies never change after import,
//     except that SplitArticle and MergeArticleWithNext cut or join them
//     (moving the passages, mentions and events with them).
//   - Every change an analyst makes through this API is one transaction that
//     is also recorded on an undo log kept with the project (Undo, Redo,
//     UndoLabel, RedoLabel), which keeps the last UndoLimit changes. Imports
//     and saved extractions are machine work and are not on it. A committed
//     change survives a crash of the process.
//   - An id that does not exist gives an error wrapping ErrNotFound; a value
//     the model refuses (model.ValidDate, Status.Valid, …) gives an error
//     naming the field, and changes nothing.
//   - Search syntax: words must all occur (any order, case and accents
//     ignored); word* is a prefix; "several words" is a phrase. Chinese,
//     Japanese and Korean text is found by any substring. Nothing a user
//     types is a syntax error. Snippets mark hits with HitStart and HitEnd.
//   - A Store is safe for concurrent use; long reads are not blocked by writes.
package store

import (
	"context"

	"github.com/attache-app/attache/data/model"
)

// Store is an open project.
type Store interface {
	// ImportArticles inserts the articles of one source file in a single
	// transaction (all or nothing). An article whose whitespace-normalised body is
	// already in the project, or earlier in the same call, is skipped as a
	// duplicate: its entry in IDs is 0. An article without text is refused (and
	// with it the whole call); one whose published date is malformed is imported
	// with the date unknown and listed in ImportResult.Cleared, so that one bad
	// date in a feed loses no article. Imports are not on the undo log.
	ImportArticles(ctx context.Context, arts []Article) (ImportResult, error)

	// ImportArticlesFrom is ImportArticles for articles produced one at a time,
	// so that a reader can go on parsing a file while the first articles are
	// being inserted: next returns the next article, false when there are no
	// more, or an error that rolls the whole import back (and is returned
	// wrapped). IDs[i] is the id of the i-th article next returned. next is
	// called from a goroutine of the import's own, one call at a time, and
	// never after ImportArticlesFrom has returned.
	ImportArticlesFrom(ctx context.Context, next func() (Article, bool, error)) (ImportResult, error)

	// ImportFrom is ImportArticlesFrom for articles that come with their
	// extraction: the suggestions of each new article are saved with it, in the
	// same transaction, as SaveExtraction would save them right after the import
	// (a duplicate's are dropped). Suggestions that SaveExtraction would refuse
	// (a span outside the body, an unknown event type) do not stop the import:
	// the article is imported without them and the reason is in
	// ImportResult.Unsaved.
	ImportFrom(ctx context.Context, next func() (ImportItem, bool, error)) (ImportResult, error)

	// Article returns one article with its body.
	Article(ctx context.Context, id int64) (Article, error)

	// UpdateArticleMeta replaces the metadata of an article (not its body).
	UpdateArticleMeta(ctx context.Context, id int64, m ArticleMeta) error

	// DeleteArticle removes an article with its passages, mentions and events.
	DeleteArticle(ctx context.Context, id int64) error

	// Articles lists articles (without bodies) matching f.
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error)

	// ArticleIDs lists the ids of the articles f selects, in f's order (f.Limit
	// and f.Offset apply as in Articles). With ArticleSummaries it lets a list of
	// a million articles hold eight bytes per article and fetch the summaries of
	// the rows in view only.
	ArticleIDs(ctx context.Context, f ArticleFilter) ([]int64, error)

	// ArticleSummaries returns the summaries of the articles ids, in the order
	// of ids; an id with no article (deleted since it was listed) gives a
	// summary holding only that ID.
	ArticleSummaries(ctx context.Context, ids []int64) ([]ArticleSummary, error)

	// ArticleTitles returns the titles of the articles ids that exist, by id.
	ArticleTitles(ctx context.Context, ids []int64) (map[int64]string, error)

	// EntitiesByID returns the entities ids that exist, by id, without their
	// aliases and mention counts: what it takes to name the parties of a list
	// of events without reading every entity of the project.
	EntitiesByID(ctx context.Context, ids []int64) (map[int64]Entity, error)

	// SplitArticle cuts an article in two at rune offset at: the article keeps
	// the text before the cut, and a new article (returned) gets the text from
	// the cut on, with the same metadata and a title taken from its first line
	// when that line is short. Passages, mentions and events after the cut move
	// to the new article with shifted offsets; one that spans the cut is refused.
	SplitArticle(ctx context.Context, id int64, at int) (int64, error)

	// MergeArticleWithNext joins an article with the one after it in the same
	// source file (by position, then id) — the inverse of SplitArticle. The
	// bodies are joined with a blank line unless one side already has white
	// space at the seam; the next article's items move over with shifted offsets
	// and it is deleted.
	MergeArticleWithNext(ctx context.Context, id int64) error

	// Search runs a full-text query over titles and bodies and returns up to
	// limit hits, best first (BM25, title hits weigh more). Words must all occur
	// (any order); word* is a prefix; "a phrase" is a phrase. Chinese, Japanese
	// and Korean text is found by any substring of its characters. No input is a
	// syntax error: a query with nothing searchable returns no hits.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)

	// CreateTag adds a tag and returns its id.
	CreateTag(ctx context.Context, t Tag) (int64, error)

	// Tags lists every tag with its usage counts, parents before children and
	// siblings by name.
	Tags(ctx context.Context) ([]Tag, error)

	// UpdateTag changes a tag's name, colour and description (not its parent:
	// see MoveTag).
	// An item read at a Version that is no longer current is refused
	// (ErrStale, or ErrNotFound if it was deleted) and nothing changes.
	UpdateTag(ctx context.Context, t Tag) error

	// MoveTag puts a tag under a new parent (0 = top level). Moving a tag under
	// itself or one of its descendants is refused.
	MoveTag(ctx context.Context, id, parentID int64) error

	// DeleteTag removes a tag from the codebook and from every passage and event
	// that carried it. Its children move up to its parent.
	DeleteTag(ctx context.Context, id int64) error

	// CreatePassage adds a passage with its tags and note and returns its id.
	CreatePassage(ctx context.Context, p Passage) (int64, error)

	// TagPassage adds a tag to a passage (no change if it already has it).
	TagPassage(ctx context.Context, passageID, tagID int64) error

	// UntagPassage removes a tag from a passage.
	UntagPassage(ctx context.Context, passageID, tagID int64) error

	// SetPassageNote replaces the note of a passage.
	SetPassageNote(ctx context.Context, passageID int64, note string) error

	// DeletePassage removes a passage with its tags and note.
	DeletePassage(ctx context.Context, passageID int64) error

	// Passage returns one passage.
	Passage(ctx context.Context, id int64) (Passage, error)

	// Passages lists passages matching f, by article and position.
	Passages(ctx context.Context, f PassageFilter) ([]Passage, error)

	// CreateEntity adds an entity with its aliases and returns its id.
	CreateEntity(ctx context.Context, e Entity) (int64, error)

	// Entity returns one entity with its aliases and mention count.
	Entity(ctx context.Context, id int64) (Entity, error)

	// Entities lists entities matching f, by name.
	Entities(ctx context.Context, f EntityFilter) ([]Entity, error)

	// UpdateEntity changes an entity's name, kind, country, role and description
	// (aliases are changed with AddAlias and RemoveAlias).
	// An item read at a Version that is no longer current is refused
	// (ErrStale, or ErrNotFound if it was deleted) and nothing changes.
	UpdateEntity(ctx context.Context, e Entity) error

	// AddAlias gives an entity another name (no change if it already has it).
	AddAlias(ctx context.Context, entityID int64, a Alias) error

	// RemoveAlias removes every alias of an entity with the given name.
	RemoveAlias(ctx context.Context, entityID int64, name string) error

	// MergeEntities folds drop into keep: drop's name and aliases become aliases
	// of keep, its mentions and event roles move to keep, and drop is deleted.
	MergeEntities(ctx context.Context, keep, drop int64) error

	// DeleteEntity removes an entity with its aliases and mentions and takes it
	// out of every event.
	DeleteEntity(ctx context.Context, id int64) error

	// CreateMention records a mention marked by the analyst (status defaults to
	// confirmed) and returns its id.
	CreateMention(ctx context.Context, m Mention) (int64, error)

	// Mentions lists mentions matching f, by article and position.
	Mentions(ctx context.Context, f MentionFilter) ([]Mention, error)

	// SetMentionStatus confirms or rejects a mention.
	SetMentionStatus(ctx context.Context, id int64, status model.Status) error

	// SetMentionEntity points a mention at another entity; this confirms it.
	SetMentionEntity(ctx context.Context, id, entityID int64) error

	// CreateEvent adds an event made by the analyst (status defaults to
	// confirmed) and returns its id.
	CreateEvent(ctx context.Context, e Event) (int64, error)

	// UpdateEvent replaces every field of an event, including its actors,
	// recipients, tags, note and status.
	// An item read at a Version that is no longer current is refused
	// (ErrStale, or ErrNotFound if it was deleted) and nothing changes.
	UpdateEvent(ctx context.Context, e Event) error

	// SetEventStatus confirms, rejects or resets one event.
	SetEventStatus(ctx context.Context, id int64, status model.Status) error

	// SetEventsStatus sets the status of several events as one undoable change.
	SetEventsStatus(ctx context.Context, ids []int64, status model.Status) error

	// DeleteEvent removes an event.
	DeleteEvent(ctx context.Context, id int64) error

	// Event returns one event.
	Event(ctx context.Context, id int64) (Event, error)

	// Events lists events matching f, by date (undated last), then id.
	Events(ctx context.Context, f EventFilter) ([]Event, error)

	// SaveExtraction stores machine suggestions for one article: entities are
	// matched to existing ones by name or alias (case-insensitive) and kind, else
	// created; mentions and events are stored with status "suggested". It never
	// changes anything an analyst has confirmed, edited, merged, rejected or
	// deleted, and re-running it with the same input adds nothing. It is machine
	// work and not on the undo log.
	SaveExtraction(ctx context.Context, articleID int64, x Extraction) error

	// SaveExtractions saves the extractions of several articles as SaveExtraction
	// does, in one transaction: all are saved or none. Batching matters after a
	// large import, where one transaction (and one sync to disk) per article would
	// cost more than the extraction itself.
	SaveExtractions(ctx context.Context, batch []ArticleExtraction) error

	// ExchangeSnapshot reads every article with its body, the tag tree and every
	// passage, and the events that have a source span and are not rejected, all
	// from one consistent snapshot of the project. Tags come parents first.
	ExchangeSnapshot(ctx context.Context) (Exchange, error)

	// ImportExchange adds an exchange to the project in one transaction (all or
	// nothing; not on the undo log):
	//
	//   - a tag whose name and parent match a tag of the project is reused (its
	//     colour and description stay the project's); others are created;
	//   - an article whose body is already in the project, byte for byte, is
	//     reused; one whose whitespace-normalised body matches an article with
	//     different spacing is refused (its passages' offsets would not fit) and
	//     listed in Refused; others are added;
	//   - a passage with the same span as one already on its article gets the new
	//     tags, and its note when it had none (a different note is appended);
	//     others are created.
	//
	// Spans must lie within their article body and tag indexes must point to
	// earlier tags: anything else is an error and nothing is imported.
	ImportExchange(ctx context.Context, x Exchange) (ExchangeResult, error)

	// Undo reverts the most recent change that has not been undone and returns
	// its label (e.g. "Tag passage").
	Undo(ctx context.Context) (string, error)

	// Redo re-applies the most recently undone change and returns its label. Any
	// new change clears the redo stack.
	Redo(ctx context.Context) (string, error)

	// UndoLabel returns the label of the change Undo would revert, or "".
	UndoLabel(ctx context.Context) (string, error)

	// RedoLabel returns the label of the change Redo would re-apply, or "".
	RedoLabel(ctx context.Context) (string, error)

	// Counts returns how many articles, entities, events, passages, tags and
	// mentions the project holds.
	Counts(ctx context.Context) (Counts, error)

	// Location says where the project lives, for the analyst and to name it
	// in exports: a file path, or a database URL without its password.
	Location() string

	// Close releases the project (for a file, after writing everything back
	// into it); the Store must not be used afterwards.
	Close() error
}

// Copier is a Store that can write a consistent copy of the open project to
// a file while the project stays open for reading and writing (File ▸ Save a
// copy). The SQLite engine is one: its project is a file.
type Copier interface {
	// SaveCopy writes the copy to dest, replacing it if it exists.
	SaveCopy(ctx context.Context, dest string) error
}
