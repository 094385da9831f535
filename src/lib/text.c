/* text.c: free-text extraction (placeholder engine: X-Failed-Recipients only). */
#include "text.h"

#include <string.h>

#include "address.h"

guint
text_extract (BounceReport *report, const MimeMessage *msg)
{
  guint added = 0;
  const char *xfr = mime_get (msg, "X-Failed-Recipients");
  if (!xfr)
    return 0;
  char **parts = g_strsplit (xfr, ",", 0);
  for (char **p = parts; *p; p++)
    {
      char *addr = address_normalise (*p);
      if (!addr || report_find_record (report, addr))
        {
          g_free (addr);
          continue;
        }
      BounceRecord *rec = report_add_record (report);
      if (!rec)
        {
          g_free (addr);
          break;
        }
      record_take (rec, BOUNCE_FIELD_RECIPIENT, addr);
      record_set (rec, BOUNCE_FIELD_SOURCE, "text:x-failed-recipients");
      added++;
    }
  g_strfreev (parts);
  return added;
}
