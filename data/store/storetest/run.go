// Package storetest is the contract of the store API as tests: Run checks,
// through store.Store alone, what an engine must do (import, CRUD, search,
// suggestions, exchange, undo and redo), so that every engine (SQLite,
// PostgreSQL) runs the same tests and behaves the same for the analyst.
package storetest

import (
	"testing"

	"github.com/attache-app/attache/data/store"
)

// Opener opens a new, empty project for one test; the engine closes it when
// the test ends (t.Cleanup).
type Opener func(t *testing.T) store.Store

// Run runs the contract tests, each on a project of its own from open.
func Run(t *testing.T, open Opener) {
	for _, tc := range []struct {
		name string
		test func(*testing.T, Opener)
	}{
		{"ImportSeedDeduplicates", testImportSeedDeduplicates},
		{"ImportIsAllOrNothing", testImportIsAllOrNothing},
		{"ImportClearsAMalformedPublishedDate", testImportClearsAMalformedPublishedDate},
		{"ArticlesFilterAndSort", testArticlesFilterAndSort},
		{"UpdateArticleMetaKeepsSearchInStep", testUpdateArticleMetaKeepsSearchInStep},
		{"SplitAndMergeArticle", testSplitAndMergeArticle},
		{"DeleteArticleCascades", testDeleteArticleCascades},
		{"ValidationErrorsSayWhatFailed", testValidationErrorsSayWhatFailed},
		{"TagsTreeAndCounts", testTagsTreeAndCounts},
		{"EntitiesFilterAndMerge", testEntitiesFilterAndMerge},
		{"EventsFilter", testEventsFilter},
		{"ImportExchange", testImportExchange},
		{"ImportExchangeAllOrNothing", testImportExchangeAllOrNothing},
		{"SaveExtractionRespectsAnalystWork", testSaveExtractionRespectsAnalystWork},
		{"SaveExtractionValidates", testSaveExtractionValidates},
		{"SaveExtractionAfterSplitAddsNothing", testSaveExtractionAfterSplitAddsNothing},
		{"SaveExtractionsIsAllOrNothing", testSaveExtractionsIsAllOrNothing},
		{"ImportArticlesFromManyChunks", testImportArticlesFromManyChunks},
		{"ImportArticlesFromRollsBack", testImportArticlesFromRollsBack},
		{"ImportFromSavesWhatSaveExtractionSaves", testImportFromSavesWhatSaveExtractionSaves},
		{"ImportFromKeepsArticlesWhoseSuggestionsAreRefused", testImportFromKeepsArticlesWhoseSuggestionsAreRefused},
		{"ArticleIDsFollowTheListOrder", testArticleIDsFollowTheListOrder},
		{"ArticleSummariesOfMissingArticles", testArticleSummariesOfMissingArticles},
		{"EntitiesByID", testEntitiesByID},
		{"SuggestedEntitiesMatchLikeNoCase", testSuggestedEntitiesMatchLikeNoCase},
		{"SearchSeed", testSearchSeed},
		{"SearchNeverSyntaxError", testSearchNeverSyntaxError},
		{"SearchRanksTitleAndFrequency", testSearchRanksTitleAndFrequency},
		{"SearchTitleOnlyHit", testSearchTitleOnlyHit},
		{"SearchMarksFoldedAndPrefixHits", testSearchMarksFoldedAndPrefixHits},
		{"SearchSnippetOfLongArticle", testSearchSnippetOfLongArticle},
		{"UndoRedoEveryChange", testUndoRedoEveryChange},
		{"UndoIsBounded", testUndoIsBounded},
		{"EveryReadNamesWhoDidIt", testEveryReadNamesWhoDidIt},
		{"AReadItemSavesAfterEveryOtherChange", testAReadItemSavesAfterEveryOtherChange},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, open) })
	}
}
