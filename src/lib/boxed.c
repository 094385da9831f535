/* boxed.c: the public objects as GLib boxed types, for language bindings through
 * GObject Introspection. A report is reference-counted; a reference to one of its
 * records is a reference to the report, so that a record handed to a binding keeps
 * the strings it points to alive. Options and codes are plain values, copied.
 * The enums' types are generated from bounce.h (enums.c.in).
 */
#include "internal.h"

BounceReport *
bounce_report_ref (BounceReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
bounce_report_unref (BounceReport *report)
{
  bounce_report_free (report);
}

BounceRecord *
bounce_record_ref (const BounceRecord *record)
{
  g_return_val_if_fail (record != NULL && record->report != NULL, NULL);
  bounce_report_ref ((BounceReport *) record->report);
  return (BounceRecord *) record;
}

void
bounce_record_unref (BounceRecord *record)
{
  if (record)
    bounce_report_unref ((BounceReport *) record->report);
}

G_DEFINE_BOXED_TYPE (BounceReport, bounce_report, bounce_report_ref, bounce_report_unref)

/* not G_DEFINE_BOXED_TYPE: bounce_record_get_type() is the record's BounceType */
GType
bounce_record_get_gtype (void)
{
  static gsize type = 0;
  if (g_once_init_enter (&type))
    {
      GType t = g_boxed_type_register_static (g_intern_static_string ("BounceRecord"),
                                              (GBoxedCopyFunc) bounce_record_ref,
                                              (GBoxedFreeFunc) bounce_record_unref);
      g_once_init_leave (&type, t);
    }
  return type;
}

G_DEFINE_BOXED_TYPE (BounceMbox, bounce_mbox, bounce_mbox_ref, bounce_mbox_close)

static gpointer
options_copy (gpointer opts)
{
  return g_memdup2 (opts, sizeof (BounceOptions));
}

G_DEFINE_BOXED_TYPE (BounceOptions, bounce_options, options_copy, g_free)

/* a code's strings are static (the tables' or interned), so a copy shares them */
static gpointer
code_copy (gpointer code)
{
  return g_memdup2 (code, sizeof (BounceCode));
}

G_DEFINE_BOXED_TYPE (BounceCode, bounce_code, code_copy, g_free)
