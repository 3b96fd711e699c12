//===--- Formats.cpp - text, JSON, SARIF, GitHub and Code Climate ---------===//

#include "Driver.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <cmath>
#include <map>
#include <set>

#ifndef MEMLINT_VERSION
#define MEMLINT_VERSION "0.0.0"
#endif
#ifndef MEMLINT_HOMEPAGE
#define MEMLINT_HOMEPAGE ""
#endif

namespace memlint {

namespace json = llvm::json;

static std::string displayPath(const std::string &File, ReportContext &Ctx) {
  return relativeTo(File, Ctx.Cwd);
}

// "1000 allocations (45.2% of the run), 16376 bytes".
static std::string profileNumbers(const FindingProfile &P) {
  return std::to_string(P.Allocations) +
         (P.Allocations == 1 ? " allocation (" : " allocations (") +
         llvm::formatv("{0:F1}", P.Share * 100).str() + "% of the run), " +
         std::to_string(P.Bytes) + " bytes";
}

// The summary's profile lines: how much of the run the findings cover, and
// the hottest sites none covers.
static void writeProfileSummary(llvm::raw_ostream &OS, const ProfileSummary &P,
                                ReportContext &Ctx) {
  double Share = P.Allocations ? 100.0 * P.Covered / P.Allocations : 0;
  OS << "  profile: " << P.Allocations << " allocations, " << P.Bytes
     << " bytes; the findings cover " << P.Covered << " ("
     << llvm::formatv("{0:F1}", Share) << "%)\n";
  for (size_t I = 0; I < P.Unattributed.size() && I < 5; ++I) {
    const UncoveredSite &U = P.Unattributed[I];
    std::string File = llvm::StringRef(U.File).starts_with("/")
                           ? displayPath(U.File, Ctx)
                           : U.File;
    OS << "  not covered: " << File << ":" << U.Line << " (" << U.Function
       << "): " << U.Allocations
       << (U.Allocations == 1 ? " allocation, " : " allocations, ") << U.Bytes
       << " bytes\n";
  }
}

// --- text
// -------------------------------------------------------------------------

// One finding: clang's "file:line:col: warning: ..." line, the source line
// and caret, the profile's numbers, the notes.
static void writeTextFinding(llvm::raw_ostream &OS, const Finding &F,
                             ReportContext &Ctx) {
  std::string Where = F.Pos.File.empty()
                          ? std::string("memlint")
                          : displayPath(F.Pos.File, Ctx) + ":" +
                                std::to_string(F.Pos.Line) + ":" +
                                std::to_string(F.Pos.Column);
  OS << Where << ": " << F.Level << ": " << F.Message << " [" << F.Check
     << "]\n";
  if (!F.Pos.File.empty()) {
    // Source line and caret, as clang prints them (tabs kept for alignment).
    OS << llvm::format("%5u", F.Pos.Line) << " | " << F.SourceLine << "\n";
    std::string Caret;
    for (unsigned I = 0; I + 1 < F.Pos.Column && I < F.SourceLine.size(); ++I)
      Caret += F.SourceLine[I] == '\t' ? '\t' : ' ';
    OS << "      | " << Caret << "^\n";
  }
  if (F.Prof)
    OS << "      | profile: " << profileNumbers(*F.Prof) << "\n";
  for (const Note &N : F.Notes) {
    if (!N.Pos.File.empty())
      OS << displayPath(N.Pos.File, Ctx) << ":" << N.Pos.Line << ":"
         << N.Pos.Column << ": ";
    OS << "note: " << N.Message << "\n";
  }
}

void writeText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               ReportContext &Ctx) {
  std::map<std::string, unsigned> PerCheck;
  std::set<std::string> Files;
  unsigned long long Bytes = 0;
  for (const Finding &F : Findings) {
    writeTextFinding(OS, F, Ctx);
    ++PerCheck[F.Check];
    Files.insert(F.Pos.File);
    Bytes += bytesSaved(F);
  }
  const RunSummary &S = Ctx.Summary;
  if (!Findings.empty())
    OS << "\n";
  OS << "memlint: ";
  if (Findings.empty())
    OS << "no findings";
  else
    OS << Findings.size() << (Findings.size() == 1 ? " finding" : " findings")
       << " in " << Files.size() << (Files.size() == 1 ? " file" : " files");
  OS << "; " << S.FilesAnalyzed << " of " << S.FilesAnalyzed + S.FilesFailed
     << " files analyzed in " << llvm::format("%.1f", S.Seconds) << " s";
  if (S.Suppressed)
    OS << "; " << S.Suppressed << " suppressed by the baseline";
  if (S.Filtered)
    OS << "; " << S.Filtered << " outside the --diff lines";
  if (S.Unranked)
    OS << "; " << S.Unranked << " below --top/--min-share";
  if (S.CacheUsed)
    OS << "; cache: " << S.CacheHits
       << (S.CacheHits == 1 ? " hit, " : " hits, ") << S.CacheMisses
       << (S.CacheMisses == 1 ? " miss" : " misses");
  OS << "\n";
  if (!PerCheck.empty()) {
    size_t Width = 5;
    for (auto &[Check, N] : PerCheck)
      Width = std::max(Width, Check.size());
    OS << "  " << llvm::left_justify("check", Width) << "  findings\n";
    for (auto &[Check, N] : PerCheck)
      OS << "  " << llvm::left_justify(Check, Width) << "  "
         << llvm::format_decimal(N, 8) << "\n";
    if (Bytes)
      OS << "  layout fixes would save " << Bytes << " bytes\n";
  }
  if (Ctx.Profile)
    writeProfileSummary(OS, *Ctx.Profile, Ctx);
}

// --- JSON
// ---------------------------------------------------------------------------

static json::Object positionJson(const Position &P, ReportContext &Ctx) {
  return json::Object{{"file", relativeTo(P.File, Ctx.Root)},
                      {"line", P.Line},
                      {"column", P.Column},
                      {"offset", P.Offset}};
}

static json::Object findingJson(const Finding &F, ReportContext &Ctx) {
  json::Array Notes, Edits;
  for (const Note &N : F.Notes) {
    json::Object O = positionJson(N.Pos, Ctx);
    O["message"] = N.Message;
    Notes.push_back(std::move(O));
  }
  for (const Edit &E : F.Edits) {
    auto [Line, Col] = Ctx.Sources->lineCol(E.File, E.Offset);
    Edits.push_back(json::Object{{"file", relativeTo(E.File, Ctx.Root)},
                                 {"offset", E.Offset},
                                 {"length", E.Length},
                                 {"line", Line},
                                 {"column", Col},
                                 {"replacement", E.Text}});
  }
  json::Object O = positionJson(F.Pos, Ctx);
  O["check"] = F.Check;
  O["level"] = F.Level;
  O["message"] = F.Message;
  O["fingerprint"] = F.Fingerprint;
  O["notes"] = std::move(Notes);
  O["fixes"] = std::move(Edits);
  if (unsigned B = bytesSaved(F))
    O["bytesSaved"] = B;
  if (F.Prof)
    O["profile"] = json::Object{{"allocations", F.Prof->Allocations},
                                {"bytes", F.Prof->Bytes},
                                {"share", F.Prof->Share}};
  return O;
}

static json::Object summaryJson(const ProfileSummary &P, ReportContext &Ctx) {
  json::Array Open;
  for (const UncoveredSite &U : P.Unattributed)
    Open.push_back(json::Object{{"file", relativeTo(U.File, Ctx.Root)},
                                {"line", U.Line},
                                {"function", U.Function},
                                {"allocations", U.Allocations},
                                {"bytes", U.Bytes}});
  return json::Object{{"allocations", P.Allocations},
                      {"bytes", P.Bytes},
                      {"covered", P.Covered},
                      {"unattributed", std::move(Open)}};
}

// The part of a shard's report `memlint merge` reads back (Shard.cpp).
// One TU's unmerged result; the result cache (Cache.cpp) stores the same.
json::Object unitJson(const UnitResult &U, ReportContext &Ctx) {
  json::Object O{{"file", relativeTo(U.File, Ctx.Root)}};
  if (!U.Failure.empty()) {
    O["failure"] = U.Failure;
  } else {
    json::Array Findings;
    for (const Finding &F : U.Findings)
      Findings.push_back(findingJson(F, Ctx));
    O["findings"] = std::move(Findings);
  }
  return O;
}

static json::Object shardJson(const ShardInfo &S, ReportContext &Ctx) {
  json::Array Units;
  for (const UnitResult &U : S.Units)
    Units.push_back(unitJson(U, Ctx));
  return json::Object{{"index", S.Index},
                      {"count", S.Count},
                      {"checks", S.Checks},
                      {"version", MEMLINT_VERSION},
                      {"units", std::move(Units)}};
}

void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               ReportContext &Ctx) {
  json::Array Out;
  for (const Finding &F : Findings)
    Out.push_back(findingJson(F, Ctx));
  const RunSummary &S = Ctx.Summary;
  json::Object Root{
      {"tool", "memlint"},
      {"version", MEMLINT_VERSION},
      {"root", Ctx.Root},
      {"findings", std::move(Out)},
      {"summary", json::Object{{"filesAnalyzed", S.FilesAnalyzed},
                               {"filesFailed", S.FilesFailed},
                               {"seconds", S.Seconds},
                               {"suppressedByBaseline", S.Suppressed},
                               {"outsideDiff", S.Filtered}}},
  };
  if (S.CacheUsed) {
    json::Object *Sum = Root.getObject("summary");
    (*Sum)["cacheHits"] = S.CacheHits;
    (*Sum)["cacheMisses"] = S.CacheMisses;
  }
  if (Ctx.Shard)
    Root["shard"] = shardJson(*Ctx.Shard, Ctx);
  if (Ctx.Profile)
    Root["profile"] = summaryJson(*Ctx.Profile, Ctx);
  if (S.Unranked)
    (*Root.getObject("summary"))["belowRank"] = S.Unranked;
  OS << llvm::formatv("{0:2}", json::Value(std::move(Root))) << "\n";
}

// --- SARIF 2.1.0
// ----------------------------------------------------------------------

static std::string uriEscape(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, 2);
  }
  return Out;
}

// SARIF columns count UTF-16 code units by default; clang's count bytes.
static unsigned utf16Column(llvm::StringRef Line, unsigned ByteCol) {
  unsigned Units = 0;
  for (unsigned I = 0; I + 1 < ByteCol && I < Line.size(); ++I) {
    unsigned char C = Line[I];
    if ((C & 0xC0) == 0x80)
      continue; // continuation byte
    Units += C >= 0xF0 ? 2 : 1;
  }
  return Units + 1;
}

static json::Object artifactLocation(const std::string &File,
                                     ReportContext &Ctx) {
  std::string Rel = relativeTo(File, Ctx.Root);
  if (Rel != File)
    return json::Object{{"uri", uriEscape(Rel)}, {"uriBaseId", "%SRCROOT%"}};
  return json::Object{{"uri", "file://" + uriEscape(File)}};
}

static json::Object region(const std::string &File, unsigned Offset,
                           unsigned Length, ReportContext &Ctx) {
  auto [L1, C1] = Ctx.Sources->lineCol(File, Offset);
  auto [L2, C2] = Ctx.Sources->lineCol(File, Offset + Length);
  return json::Object{
      {"startLine", L1},
      {"startColumn", utf16Column(Ctx.Sources->line(File, L1), C1)},
      {"endLine", L2},
      {"endColumn", utf16Column(Ctx.Sources->line(File, L2), C2)}};
}

// SARIF wants a readable name distinct from the opaque id.
static std::string ruleName(llvm::StringRef Check) {
  std::string Out;
  bool Up = true;
  for (char C : Check) {
    if (C == '-' || C == '.') {
      Up = true;
      continue;
    }
    Out += Up ? llvm::toUpper(C) : C;
    Up = false;
  }
  return Out;
}

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                ReportContext &Ctx) {
  // One rule per check that has findings, in a stable order.
  std::map<std::string, unsigned> RuleIndex;
  for (const Finding &F : Findings)
    RuleIndex[F.Check];
  json::Array Rules;
  unsigned Next = 0;
  for (auto &[Check, Index] : RuleIndex) {
    Index = Next++;
    std::optional<std::string> Page = docsPage(Check);
    std::string Short =
        Page ? firstParagraph(*Page)
             : "clang-tidy check " + Check + "; see " + docsUrl(Check);
    json::Object Rule{
        {"id", Check},
        {"name", ruleName(Check)},
        {"shortDescription", json::Object{{"text", Short}}},
        {"fullDescription", json::Object{{"text", Short}}},
        {"helpUri", docsUrl(Check)},
        {"help",
         json::Object{
             {"text", Short + " Documentation: " + docsUrl(Check)},
             {"markdown",
              Page ? *Page : "[" + Check + "](" + docsUrl(Check) + ")"}}},
        {"defaultConfiguration", json::Object{{"level", "warning"}}},
        {"properties",
         json::Object{{"tags", json::Array{"performance", "memory"}},
                      {"precision", "high"},
                      {"problem.severity", "warning"}}},
    };
    Rules.push_back(std::move(Rule));
  }

  json::Array Results;
  for (const Finding &F : Findings) {
    json::Object Result{
        {"ruleId", F.Check},
        {"ruleIndex", RuleIndex[F.Check]},
        {"level", F.Level == "error" ? "error" : "warning"},
        {"message", json::Object{{"text", F.Message}}},
        {"partialFingerprints",
         json::Object{{"memlintFingerprint/v1", F.Fingerprint},
                      {"memlintLine/v1", F.LineKey}}},
    };
    if (!F.Pos.File.empty()) {
      json::Object Region{
          {"startLine", F.Pos.Line},
          {"startColumn", utf16Column(F.SourceLine, F.Pos.Column)}};
      Region["snippet"] = json::Object{{"text", F.SourceLine}};
      Result["locations"] = json::Array{json::Object{
          {"physicalLocation",
           json::Object{{"artifactLocation", artifactLocation(F.Pos.File, Ctx)},
                        {"region", std::move(Region)}}}}};
    }
    json::Array Related;
    unsigned Id = 0;
    for (const Note &N : F.Notes) {
      if (N.Pos.File.empty())
        continue;
      Related.push_back(json::Object{
          {"id", Id++},
          {"message", json::Object{{"text", N.Message}}},
          {"physicalLocation",
           json::Object{
               {"artifactLocation", artifactLocation(N.Pos.File, Ctx)},
               {"region", json::Object{{"startLine", N.Pos.Line},
                                       {"startColumn",
                                        utf16Column(Ctx.Sources->line(
                                                        N.Pos.File, N.Pos.Line),
                                                    N.Pos.Column)}}}}}});
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (F.Prof) {
      // SARIF's rank: 0-100, higher first; the share of the run's allocations.
      Result["rank"] = std::round(F.Prof->Share * 10000) / 100;
      Result["properties"] = json::Object{{"allocations", F.Prof->Allocations},
                                          {"bytes", F.Prof->Bytes},
                                          {"share", F.Prof->Share}};
    }
    if (!F.Edits.empty()) {
      // One artifactChange per file, replacements in file order.
      std::map<std::string, json::Array> PerFile;
      for (const Edit &E : F.Edits)
        PerFile[E.File].push_back(json::Object{
            {"deletedRegion", region(E.File, E.Offset, E.Length, Ctx)},
            {"insertedContent", json::Object{{"text", E.Text}}}});
      json::Array Changes;
      for (auto &[File, Repl] : PerFile)
        Changes.push_back(
            json::Object{{"artifactLocation", artifactLocation(File, Ctx)},
                         {"replacements", std::move(Repl)}});
      Result["fixes"] = json::Array{
          json::Object{{"description",
                        json::Object{{"text", "apply the fix of " + F.Check}}},
                       {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
  }

  json::Object Driver{{"name", "memlint"},
                      {"version", MEMLINT_VERSION},
                      {"semanticVersion", MEMLINT_VERSION},
                      {"informationUri", MEMLINT_HOMEPAGE},
                      {"rules", std::move(Rules)}};
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{
           {"%SRCROOT%",
            json::Object{{"uri", "file://" + uriEscape(Ctx.Root) + "/"}}}}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)},
  };
  if (Ctx.Shard)
    Run["properties"] =
        json::Object{{"memlintShard", shardJson(*Ctx.Shard, Ctx)}};
  json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}},
  };
  OS << llvm::formatv("{0:2}", json::Value(std::move(Log))) << "\n";
}

// --- GitHub workflow commands
// ----------------------------------------------------------

static std::string ghEscape(llvm::StringRef S, bool Property) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '%':
      Out += "%25";
      break;
    case '\r':
      Out += "%0D";
      break;
    case '\n':
      Out += "%0A";
      break;
    case ':':
      Out += Property ? "%3A" : ":";
      break;
    case ',':
      Out += Property ? "%2C" : ",";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

void writeGithub(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 ReportContext &Ctx) {
  for (const Finding &F : Findings) {
    OS << "::" << (F.Level == "error" ? "error" : "warning") << " ";
    if (!F.Pos.File.empty())
      OS << "file=" << ghEscape(relativeTo(F.Pos.File, Ctx.Root), true)
         << ",line=" << F.Pos.Line << ",col=" << F.Pos.Column << ",";
    std::string Msg = F.Message;
    if (F.Prof)
      Msg += " (profile: " + profileNumbers(*F.Prof) + ")";
    OS << "title=" << ghEscape(F.Check, true) << "::" << ghEscape(Msg, false)
       << "\n";
  }
}

// --- GitLab code quality (Code Climate subset)
// ---------------------------------------

void writeCodeClimate(llvm::raw_ostream &OS,
                      const std::vector<Finding> &Findings,
                      ReportContext &Ctx) {
  json::Array Out;
  // GitLab merges issues with equal fingerprints; identical lines get an
  // occurrence number so each finding stays one issue.
  std::map<std::string, unsigned> Seen;
  for (const Finding &F : Findings) {
    unsigned N = Seen[F.Fingerprint]++;
    std::string FP = N == 0
                         ? F.Fingerprint
                         : shortHash(F.Fingerprint + "#" + std::to_string(N));
    Out.push_back(json::Object{
        {"type", "issue"},
        {"check_name", F.Check},
        {"description", F.Message},
        {"categories", json::Array{"Performance"}},
        {"severity", F.Level == "error" ? "major" : "minor"},
        {"fingerprint", FP},
        {"location",
         json::Object{{"path", relativeTo(F.Pos.File, Ctx.Root)},
                      {"lines", json::Object{{"begin", F.Pos.Line}}}}},
    });
  }
  OS << llvm::formatv("{0:2}", json::Value(std::move(Out))) << "\n";
}

} // namespace memlint
