/* version: newscast's version, for --version, the feed's generator and the cache's fingerprint. */
#ifndef NEWSCAST_VERSION_H
#define NEWSCAST_VERSION_H

#ifndef NEWSCAST_VERSION
#define NEWSCAST_VERSION "0.1"
#endif

#endif
