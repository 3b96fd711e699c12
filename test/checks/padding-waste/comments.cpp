// RUN: %check_clang_tidy %s memlint-padding-waste %t -- -- -Werror=reorder-ctor
// How the fix moves fields with their comments: a field moves as whole lines
// (its leading comment block, the declaration, its trailing comment and the
// comment lines continuing it, aligned under it); blank lines and section
// comments stay where they are, and the fields already in order stay put.

#include <cstddef>
#include <cstdint>
#include <vector>

// The shape of leveldb's db/version_set.h `class Compaction`.
namespace leveldb {
namespace config {
static const int kNumLevels = 7;
}
struct FileMetaData;
class Version;
struct VersionEdit {
  void *Log;
  std::uint64_t Sequence;
};

class Compaction {
 public:
  int level() const { return level_; }

 private:
  friend class Version;

  Compaction(int level);

  int level_;
  uint64_t max_output_file_size_;
  Version* input_version_;
  VersionEdit edit_;

  // Each compaction reads inputs from "level_" and "level_+1"
  std::vector<FileMetaData*> inputs_[2];  // The two sets of inputs

  // State used to check for number of overlapping grandparent files
  // (parent == level_ + 1, grandparent == level_ + 2)
  std::vector<FileMetaData*> grandparents_;
  size_t grandparent_index_;  // Index in grandparent_starts_
  bool seen_key_;             // Some output key has been seen
  int64_t overlapped_bytes_;  // Bytes of overlap between current output
                              // and grandparent files

  // State for implementing IsBaseLevelForKey

  // level_ptrs_ holds indices into the input_version_->levels_: our state
  // is that we are positioned at one of the file ranges for each
  // higher level than the ones involved in this compaction (i.e. for
  // all L >= level_ + 2).
  size_t level_ptrs_[config::kNumLevels];
};

Compaction::Compaction(int level)
    : level_(level),
      max_output_file_size_(2 << 20),
      input_version_(nullptr),
      grandparent_index_(0),
      seen_key_(false),
      overlapped_bytes_(0) {}

}  // namespace leveldb

// CHECK-MESSAGES: :[[@LINE-44]]:7: warning: 'Compaction' is 192 bytes with 11 bytes of padding; ordering its fields as (max_output_file_size_, input_version_, edit_, inputs_, grandparents_, grandparent_index_, overlapped_bytes_, level_ptrs_, level_, seen_key_) makes it 184 bytes [memlint-padding-waste]
// Only level_ and seen_key_ move, to the end, with their own indentation
// and comment; overlapped_bytes_ keeps its two-line comment, the blank lines
// and the section comment stay.
// CHECK-FIXES:      {{^}}  Compaction(int level);
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  uint64_t max_output_file_size_;
// CHECK-FIXES-NEXT: {{^}}  Version* input_version_;
// CHECK-FIXES-NEXT: {{^}}  VersionEdit edit_;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  // Each compaction reads inputs from "level_" and "level_+1"
// CHECK-FIXES-NEXT: {{^}}  std::vector<FileMetaData*> inputs_[2];  // The two sets of inputs
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  // State used to check for number of overlapping grandparent files
// CHECK-FIXES-NEXT: {{^}}  // (parent == level_ + 1, grandparent == level_ + 2)
// CHECK-FIXES-NEXT: {{^}}  std::vector<FileMetaData*> grandparents_;
// CHECK-FIXES-NEXT: {{^}}  size_t grandparent_index_;  // Index in grandparent_starts_
// CHECK-FIXES-NEXT: {{^}}  int64_t overlapped_bytes_;  // Bytes of overlap between current output
// CHECK-FIXES-NEXT: {{^}}                              // and grandparent files{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  // State for implementing IsBaseLevelForKey
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  // level_ptrs_ holds indices into the input_version_->levels_: our state
// CHECK-FIXES-NEXT: {{^}}  // is that we are positioned at one of the file ranges for each
// CHECK-FIXES-NEXT: {{^}}  // higher level than the ones involved in this compaction (i.e. for
// CHECK-FIXES-NEXT: {{^}}  // all L >= level_ + 2).
// CHECK-FIXES-NEXT: {{^}}  size_t level_ptrs_[config::kNumLevels];
// CHECK-FIXES-NEXT: {{^}}  int level_;
// CHECK-FIXES-NEXT: {{^}}  bool seen_key_;             // Some output key has been seen{{$}}
// CHECK-FIXES-NEXT: {{^}}};
// CHECK-FIXES:      {{^}}Compaction::Compaction(int level)
// CHECK-FIXES-NEXT: {{^}}    : max_output_file_size_(2 << 20),
// CHECK-FIXES-NEXT: {{^}}      input_version_(nullptr),
// CHECK-FIXES-NEXT: {{^}}      grandparent_index_(0),
// CHECK-FIXES-NEXT: {{^}}      overlapped_bytes_(0),
// CHECK-FIXES-NEXT: {{^}}      level_(level),
// CHECK-FIXES-NEXT: {{^}}      seen_key_(false) {}
#ifdef MEMLINT_FIXED
static_assert(sizeof(leveldb::Compaction) == 184, "");
#else
static_assert(sizeof(leveldb::Compaction) == 192, "");
#endif

// A field taken from between two blank lines leaves one blank line, and none
// right after the opening brace.
struct Spaced {
  double A;

  char Moved;

  double B;
  int C;
};
// CHECK-MESSAGES: :[[@LINE-8]]:8: warning: 'Spaced' is 32 bytes with 11 bytes of padding; ordering its fields as (A, B, C, Moved) makes it 24 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}}struct Spaced {
// CHECK-FIXES-NEXT: {{^}}  double A;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  double B;
// CHECK-FIXES-NEXT: {{^}}  int C;
// CHECK-FIXES-NEXT: {{^}}  char Moved;
// CHECK-FIXES-NEXT: {{^}}};
struct Opening {
  char Moved;

  double A;
  int B;
};
// CHECK-MESSAGES: :[[@LINE-6]]:8: warning: 'Opening' is 24 bytes with 11 bytes of padding; ordering its fields as (A, B, Moved) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}}struct Opening {
// CHECK-FIXES-NEXT: {{^}}  double A;
// CHECK-FIXES-NEXT: {{^}}  int B;
// CHECK-FIXES-NEXT: {{^}}  char Moved;
// CHECK-FIXES-NEXT: {{^}}};

// A section comment (followed by a blank line) stays when the field below
// it moves.
struct SectionMove {
  char A;
  char B;
  char C;
  // Numbers

  double D;
  char E;
};
// CHECK-MESSAGES: :[[@LINE-9]]:8: warning: 'SectionMove' is 24 bytes with 12 bytes of padding; ordering its fields as (D, A, B, C, E) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}}struct SectionMove {
// CHECK-FIXES-NEXT: {{^}}  double D;
// CHECK-FIXES-NEXT: {{^}}  char A;
// CHECK-FIXES-NEXT: {{^}}  char B;
// CHECK-FIXES-NEXT: {{^}}  char C;
// CHECK-FIXES-NEXT: {{^}}  // Numbers
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  char E;
// CHECK-FIXES-NEXT: {{^}}};

// The continuation of a method's trailing comment is not the documentation
// of the field below it, which moves without it; a comment block in the
// field's column directly above a field moves with it.
struct AfterMethod {
  double get() const { return Value; }  // Returns the value
                                        // as a double
  char Tag;
  // The value.
  double Value;
  char Other;
};
// CHECK-MESSAGES: :[[@LINE-8]]:8: warning: 'AfterMethod' is 24 bytes with 14 bytes of padding; ordering its fields as (Value, Tag, Other) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}}  double get() const { return Value; }  // Returns the value
// CHECK-FIXES-NEXT: {{^}}                                        // as a double
// CHECK-FIXES-NEXT: {{^}}  // The value.
// CHECK-FIXES-NEXT: {{^}}  double Value;
// CHECK-FIXES-NEXT: {{^}}  char Tag;
// CHECK-FIXES-NEXT: {{^}}  char Other;
// CHECK-FIXES-NEXT: {{^}}};

// A field that comes first in its access section goes in front of the
// first field that stays in that section, never across the specifier.
class TwoSections {
 public:
  int A;
  double W;
  int B;

 private:
  char Mode;  // how
              // it runs
  double Rate;
  char Mode2;
};
// CHECK-MESSAGES: :[[@LINE-12]]:7: warning: 'TwoSections' is 40 bytes with 14 bytes of padding; ordering its fields as (W, A, B, Rate, Mode, Mode2) makes it 32 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}} public:
// CHECK-FIXES-NEXT: {{^}}  double W;
// CHECK-FIXES-NEXT: {{^}}  int A;
// CHECK-FIXES-NEXT: {{^}}  int B;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}} private:
// CHECK-FIXES-NEXT: {{^}}  double Rate;
// CHECK-FIXES-NEXT: {{^}}  char Mode;  // how
// CHECK-FIXES-NEXT: {{^}}              // it runs
// CHECK-FIXES-NEXT: {{^}}  char Mode2;
// CHECK-FIXES-NEXT: {{^}}};

// `T a, b;` moves as one declaration, with its comment.
struct SplitLines {
  // Two flags.
  char A, B;
  double D;
  int I;
};
// CHECK-MESSAGES: :[[@LINE-6]]:8: warning: 'SplitLines' is 24 bytes with 10 bytes of padding; ordering its fields as (D, I, A, B) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}}struct SplitLines {
// CHECK-FIXES-NEXT: {{^}}  double D;
// CHECK-FIXES-NEXT: {{^}}  int I;
// CHECK-FIXES-NEXT: {{^}}  // Two flags.
// CHECK-FIXES-NEXT: {{^}}  char A, B;
// CHECK-FIXES-NEXT: {{^}}};

#ifdef MEMLINT_FIXED
static_assert(sizeof(Spaced) == 24 && sizeof(Opening) == 16 &&
              sizeof(SectionMove) == 16 &&
              sizeof(AfterMethod) == 16 && sizeof(TwoSections) == 32 &&
              sizeof(SplitLines) == 16, "");
#endif
