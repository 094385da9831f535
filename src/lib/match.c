/* match.c: phrases bucketed by the two bytes they start with. A bitmap of those
 * byte pairs rules out most positions of the text at once; at the others, only
 * the rows of the pair's bucket (found by a hash of the pair) are compared. A
 * phrase of one byte may be followed by any byte, or by the end of the text.
 * A '#' in a phrase (not its first byte) stands for one or more digits.
 *
 * When every phrase starts with at least three literal bytes, the text is read as
 * in Wu and Manber's search: a window as long as the shortest such start slides
 * along it, and
 * the byte pair that ends the window tells how far it may move on without
 * stepping over the start of any phrase (a table of the shortest such distance
 * per hashed pair); only where that distance is 0 are rows compared. */
#include "match.h"

#include <string.h>

#define BUCKETS 1024
#define SHIFTS 4096

typedef struct
{
  const char *phrase;
  gsize len;
  gsize literal; /* the bytes before the first '#' (len when there is none) */
  guint tag;
  guint32 head, head_mask; /* its first literal bytes (up to 4), to rule it out at once */
} Row;

struct MatchSet
{
  GArray *rows;    /* Row, in the order added */
  GArray *always;  /* guint: tags of empty phrases */
  guint64 pairs[65536 / 64];
  guint32 start[BUCKETS + 1]; /* the rows of bucket h: order[start[h] .. start[h + 1]) */
  guint32 *order;
  gsize shortest;             /* the shortest literal start of a phrase */
  guint8 shift[SHIFTS];       /* by hashed pair: how far the window may move */
};

static guint
bucket_of (guint pair)
{
  return (pair * 40503u >> 6) & (BUCKETS - 1);
}

static guint
shift_of (guint pair)
{
  /* the low six bits of each byte: no multiplication in the window's loop, where
   * each step waits for the one before */
  return (pair >> 2 & 0xfc0) | (pair & 0x3f);
}

MatchSet *
match_set_new (void)
{
  MatchSet *set = g_new0 (MatchSet, 1);
  set->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  set->always = g_array_new (FALSE, FALSE, sizeof (guint));
  return set;
}

void
match_set_free (MatchSet *set)
{
  if (!set)
    return;
  g_array_free (set->rows, TRUE);
  g_array_free (set->always, TRUE);
  g_free (set->order);
  g_free (set);
}

void
match_set_add (MatchSet *set, const char *phrase, guint tag)
{
  if (!*phrase)
    {
      g_array_append_val (set->always, tag);
      return;
    }
  g_return_if_fail (phrase[0] != '#');
  gsize len = strlen (phrase);
  Row row = { phrase, len, strcspn (phrase, "#"), tag, 0, 0 };
  for (guint q = 0; q < 4 && q < row.literal; q++)
    {
      row.head |= (guint32) (guchar) phrase[q] << (8 * q);
      row.head_mask |= (guint32) 0xff << (8 * q);
    }
  g_array_append_val (set->rows, row);
}

void
match_set_add_list (MatchSet *set, const char *const *list, guint tag)
{
  for (gsize i = 0; list && list[i]; i++)
    match_set_add (set, list[i], tag);
}

/* Marks the pairs a row starts (one, or for a one-byte phrase all that begin with
 * its byte), and counts it in their buckets (counts) or places it there (fill),
 * once per bucket. */
static void
row_buckets (MatchSet *set, guint r, guint32 *counts, guint32 *fill, guint32 *last)
{
  const Row *row = &g_array_index (set->rows, Row, r);
  guint b0 = (guchar) row->phrase[0];
  guint lo = row->len > 1 ? (guchar) row->phrase[1] : 0, hi = row->len > 1 ? lo : 255;
  if (row->len > 1 && row->phrase[1] == '#')
    lo = '0', hi = '9';
  for (guint b1 = lo; b1 <= hi; b1++)
    {
      guint pair = b0 << 8 | b1;
      set->pairs[pair / 64] |= G_GUINT64_CONSTANT (1) << (pair % 64);
      guint h = bucket_of (pair);
      if (last[h] == r + 1)
        continue;
      last[h] = r + 1;
      if (counts)
        counts[h + 1]++;
      else
        set->order[fill[h]++] = r;
    }
}

void
match_set_seal (MatchSet *set)
{
  guint32 *last = g_new0 (guint32, BUCKETS);
  for (guint r = 0; r < set->rows->len; r++)
    row_buckets (set, r, set->start, NULL, last);
  guint32 *fill = g_new (guint32, BUCKETS);
  for (guint h = 0; h < BUCKETS; h++)
    {
      set->start[h + 1] += set->start[h];
      fill[h] = set->start[h];
    }
  set->order = g_new (guint32, MAX (set->start[BUCKETS], 1));
  memset (last, 0, BUCKETS * sizeof (guint32));
  for (guint r = 0; r < set->rows->len; r++)
    row_buckets (set, r, NULL, fill, last);
  g_free (fill);
  g_free (last);
  /* the window: the shortest phrase, capped so that a shift fits a byte */
  set->shortest = G_MAXSIZE;
  for (guint r = 0; r < set->rows->len; r++)
    set->shortest = MIN (set->shortest, g_array_index (set->rows, Row, r).literal);
  gsize m = MIN (set->shortest, 200);
  memset (set->shift, (int) (m > 1 ? m - 1 : 0), sizeof set->shift);
  for (guint r = 0; r < set->rows->len && m >= 3; r++)
    {
      const guchar *p = (const guchar *) g_array_index (set->rows, Row, r).phrase;
      for (gsize q = 1; q < m; q++)
        {
          guint h = shift_of ((guint) p[q - 1] << 8 | p[q]);
          set->shift[h] = (guint8) MIN (set->shift[h], m - 1 - q);
        }
    }
}

/* The length of row's match at text[at] (len bytes in all), or -1. */
static inline gssize
row_match (const Row *row, const char *text, gsize len, gsize at)
{
  if (row->literal > len - at || memcmp (text + at, row->phrase, row->literal) != 0)
    return -1;
  gsize t = at + row->literal;
  for (gsize p = row->literal; p < row->len; p++)
    {
      if (row->phrase[p] == '#')
        {
          if (t >= len || !g_ascii_isdigit (text[t]))
            return -1;
          while (t < len && g_ascii_isdigit (text[t]))
            t++;
        }
      else if (t >= len || text[t++] != row->phrase[p])
        return -1;
    }
  return (gssize) (t - at);
}

/* Compares the rows that may start at text[at]; returns FALSE when fn asked to
 * stop. */
static inline gboolean
try_rows (const MatchSet *set, const Row *rows, const char *text, gsize len, gsize at,
          guint pair, MatchFound fn, gpointer data)
{
  if (!(set->pairs[pair >> 6] >> (pair & 63) & 1))
    return TRUE;
  guint h = bucket_of (pair);
  /* the text's next four bytes (fewer at its end), against each row's head */
  guint32 word = 0;
  for (guint q = 0; q < 4 && at + q < len; q++)
    word |= (guint32) (guchar) text[at + q] << (8 * q);
  for (guint32 k = set->start[h]; k < set->start[h + 1]; k++)
    {
      const Row *row = &rows[set->order[k]];
      if ((word & row->head_mask) != row->head)
        continue;
      gssize n = row_match (row, text, len, at);
      if (n >= 0 && !fn (row->tag, at, (gsize) n, data))
        return FALSE;
    }
  return TRUE;
}

void
match_set_each (const MatchSet *set, const char *text, gsize len, MatchFound fn, gpointer data)
{
  const Row *rows = (const Row *) (gpointer) set->rows->data;
  const guchar *t = (const guchar *) text;
  gsize m = MIN (set->shortest, 200);
  if (set->rows->len == 0 || len < set->shortest)
    return;
  if (m >= 3)
    {
      /* e: the window's last byte */
      for (gsize e = m - 1; e < len;)
        {
          guint sh = set->shift[shift_of ((guint) t[e - 1] << 8 | t[e])];
          if (sh)
            {
              e += sh;
              continue;
            }
          gsize at = e - (m - 1);
          if (!try_rows (set, rows, text, len, at, (guint) t[at] << 8 | t[at + 1], fn, data))
            return;
          e++;
        }
      return;
    }
  for (gsize at = 0; at < len; at++)
    {
      /* the byte after the last one reads as 0, the end */
      guint pair = (guint) t[at] << 8 | (at + 1 < len ? t[at + 1] : 0);
      if (!try_rows (set, rows, text, len, at, pair, fn, data))
        return;
    }
}

typedef struct
{
  guint limit;
  guint8 *seen;
} Seen;

static gboolean
mark_seen (guint tag, gsize at, gsize n, gpointer data)
{
  (void) at, (void) n;
  Seen *s = data;
  if (tag < s->limit)
    s->seen[tag] = TRUE;
  return TRUE;
}

void
match_set_scan (const MatchSet *set, const char *text, gsize len, guint limit, guint8 *seen)
{
  for (guint i = 0; i < set->always->len; i++)
    {
      guint tag = g_array_index (set->always, guint, i);
      if (tag < limit)
        seen[tag] = TRUE;
    }
  Seen s = { limit, seen };
  match_set_each (set, text, len, mark_seen, &s);
}

gssize
match_set_first (const MatchSet *set, const char *text, gsize len, MatchAccept accept,
                 gpointer data, guint *tag)
{
  const Row *rows = (const Row *) (gpointer) set->rows->data;
  const guchar *t = (const guchar *) text;
  gsize m = MIN (set->shortest, 200);
  if (set->rows->len == 0 || len < set->shortest)
    return -1;
  gsize e = m >= 3 ? m - 1 : 0;
  while (e < len)
    {
      if (m >= 3)
        {
          guint sh = set->shift[shift_of ((guint) t[e - 1] << 8 | t[e])];
          if (sh)
            {
              e += sh;
              continue;
            }
        }
      gsize at = m >= 3 ? e - (m - 1) : e;
      e++;
      guint pair = (guint) t[at] << 8 | (at + 1 < len ? t[at + 1] : 0);
      if (!(set->pairs[pair >> 6] >> (pair & 63) & 1))
        continue;
      guint h = bucket_of (pair);
      for (guint32 k = set->start[h]; k < set->start[h + 1]; k++)
        {
          const Row *row = &rows[set->order[k]];
          gssize n = row_match (row, text, len, at);
          if (n >= 0 && (!accept || accept (text, len, at, (gsize) n, data)))
            {
              *tag = row->tag;
              return (gssize) at;
            }
        }
    }
  return -1;
}
