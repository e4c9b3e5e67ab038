// Package undolabel names the changes an analyst makes, as the undo log
// records them and the Edit menu shows them ("Undo Tag passage"): every
// store engine labels the same change the same way.
package undolabel

import "github.com/attache-app/attache/data/model"

// The labels of the changes, by store operation.
const (
	AddAlias            = "Add alias"
	ChangeMentionEntity = "Change mention entity"
	CreateEntity        = "Create entity"
	CreateEvent         = "Create event"
	CreatePassage       = "Create passage"
	CreateTag           = "Create tag"
	DeleteArticle       = "Delete article"
	DeleteEntity        = "Delete entity"
	DeleteEvent         = "Delete event"
	DeletePassage       = "Delete passage"
	DeleteTag           = "Delete tag"
	EditArticle         = "Edit article"
	EditEntity          = "Edit entity"
	EditEvent           = "Edit event"
	EditNote            = "Edit note"
	EditTag             = "Edit tag"
	MarkMention         = "Mark mention"
	MergeArticles       = "Merge articles"
	MergeEntities       = "Merge entities"
	MoveTag             = "Move tag"
	RemoveAlias         = "Remove alias"
	SplitArticle        = "Split article"
	TagPassage          = "Tag passage"
	UntagPassage        = "Untag passage"
)

// statusVerb is what setting a status does, as a label says it.
var statusVerb = map[model.Status]string{
	model.StatusConfirmed: "Confirm",
	model.StatusRejected:  "Reject",
	model.StatusSuggested: "Reset",
}

// EventsStatus labels setting the status of n events.
func EventsStatus(status model.Status, n int) string {
	if n > 1 {
		return statusVerb[status] + " events"
	}
	return statusVerb[status] + " event"
}

// MentionStatus labels setting the status of a mention.
func MentionStatus(status model.Status) string { return statusVerb[status] + " mention" }
