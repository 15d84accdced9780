// The one translation unit that defines the Boost.Test module for each test executable.
#define BOOST_TEST_MODULE kimonet
#include <boost/test/unit_test.hpp>
