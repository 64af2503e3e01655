/*!
 * lunr.id: Indonesian (Bahasa Indonesia) support for lunr.js, as loaded by the search worker
 * of Material for MkDocs (assets/javascripts/lunr/min/lunr.<lang>.min.js for every language
 * named in search_index.json "config.lang"; the akun_diblokir plugin names "id").
 * Registered the way lunr-languages registers a language: lunr.id is the plugin,
 * lunr.id.trimmer / lunr.id.stopWordFilter / lunr.id.stemmer its pipeline functions, so
 * Material's `pipeline` setting can remove each of them by name.
 *
 * Assembled at build time by akun_diblokir/search_index.py from the files of
 * akun_diblokir/search/, one concern each, in this order:
 *   words.yml    the data: stop words and the synonym list (readers' words)
 *   stemmer.js   the Snowball Indonesian stemmer
 *   pipeline.js  index time: trimmer, phone numbers, stop words, nasal variants, synonyms
 *   query.js     query time: wildcard terms stemmed, chat forms, typos, short words
 *   ranking.js   weights and rules that order the results, the ranking floor
 * One file for the worker (no extra request, and the offline copy's worker shim runs it
 * as it is); each `//= ` line below is replaced by the file it names.
 */
!function (root, factory) {
  if (typeof define === "function" && define.amd) define(factory)
  else if (typeof exports === "object") module.exports = factory()
  else factory()(root.lunr)
}(this, function () {
  return function (lunr) {
    if (typeof lunr === "undefined")
      throw new Error("lunr.id: lunr is not present; load lunr before this script.")

    //= data words.yml

    // Common Indonesian words near the site's own, never taken for typos (query.js): from
    // wordfreq (Robyn Speer and contributors, https://github.com/rspeer/wordfreq), data
    // CC BY-SA 4.0; this list is shared under the same licence.
    //= common common_words.txt

    /*
     * What lunr.id adds to plain stemming, each on its own switch so that
     * benchmarks/search_bench.py can measure each change alone (it edits this line in a
     * copy of the project; keep it on one line).
     */
    var FEATURES = { ranking: true, synonyms: true, typos: true }

    lunr.id = function () {
      this.pipeline.reset()
      this.pipeline.add(
        lunr.id.trimmer,
        lunr.id.phoneNumbers,
        lunr.id.stopWordFilter,
        lunr.id.nasalVariants,
        lunr.id.stemmer
      )
      if (FEATURES.synonyms) this.pipeline.add(lunr.id.synonyms)
      if (this.searchPipeline) {
        this.searchPipeline.reset()
        this.searchPipeline.add(lunr.id.trimmer, lunr.id.stopWordFilter, lunr.id.stemmer)
      }
      if (FEATURES.ranking) rank(this)
      // Typo correction looks terms up in the index this builder makes.
      var builder = this, build = this.build
      this.build = function () {
        return (builtIndex = build.apply(builder, arguments))
      }
    }

    //= include stemmer.js

    //= include pipeline.js

    //= include query.js

    //= include ranking.js
  }
})
