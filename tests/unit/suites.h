/* The unit test suites, one per module; main.c runs them all. */
#ifndef NEWSCAST_TEST_SUITES_H
#define NEWSCAST_TEST_SUITES_H

#include <check.h>

Suite *suite_input(void);

#endif
