/* notice-words.h: the shared phrase lists of the free-text engine (the data is in
 * notice-words.c; each list ends with NULL). */
#ifndef BOUNCE_NOTICE_WORDS_H
#define BOUNCE_NOTICE_WORDS_H

/* Where every family's notice ends: the returned message or its headers begin. */
extern const char *const shared_end[];
/* Phrases after which an address names a failed recipient, on the same line. */
extern const char *const shared_lead[];
/* Labels of header-like lines whose addresses are never failed recipients. */
extern const char *const header_labels[];
/* The prefixes of a reply's subject, lower case, colon included. */
extern const char *const reply_prefixes[];
/* Labels of "Label: address" lines that name someone to contact. */
extern const char *const contact_labels[];
/* Words before an address that make it an example in help text. */
extern const char *const example_words[];
/* Words before an address that make it a message identifier. */
extern const char *const id_words[];
/* Words before an address that make it someone to write to. */
extern const char *const contact_words[];
/* The word right before an address in a server's reply that asks the reader to
 * write to it ("contact delist@...", "write to us at <abuse@...>"). */
extern const char *const contact_verbs[];
/* Words of a failure notice, for a message no detector recognised. */
extern const char *const failure_words[];
/* Words of a notice that reports a delay, not a failure. */
extern const char *const delay_words[];
/* Words of a notice that says of itself that it is a warning only: a delay,
 * whatever words of failure its layout has. */
extern const char *const warning_only_words[];
/* Words of a report that delivery succeeded. */
extern const char *const success_words[];
/* Words that say a notice reports a failure for good. */
extern const char *const final_words[];
/* From fields and subjects of failure notices. */
extern const char *const from_signals[];
extern const char *const subject_signals[];
extern const char *const postmaster_report_subjects[];
extern const char *const postmaster_report_subject_starts[];

#endif
