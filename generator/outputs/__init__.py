"""Files that are not pages: pictures, PDFs, radar.json; and the atomic write of the site."""
