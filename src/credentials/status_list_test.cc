#include "conform/credentials/status_list.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace conform {
namespace {

TEST(StatusListTest, SpecExampleIsAllClear) {
  // The encodedList of the Bitstring Status List v1.0 example credential.
  auto list = BitstringStatusList::Decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list.value().size(), 131072u);
  for (size_t i = 0; i < list.value().size(); ++i) ASSERT_FALSE(list.value().Get(i)) << i;
}

TEST(StatusListTest, SetBitsSurviveEncoding) {
  BitstringStatusList list;
  list.Set(0, true);
  list.Set(94567, true);
  list.Set(131071, true);
  list.Set(94567, false);
  list.Set(42, true);
  auto back = BitstringStatusList::Decode(list.Encode());
  ASSERT_TRUE(back.ok());
  for (size_t i = 0; i < back.value().size(); ++i) ASSERT_EQ(back.value().Get(i), i == 0 || i == 42 || i == 131071) << i;
  EXPECT_EQ(list.Encode()[0], 'u');
}

TEST(StatusListTest, MostSignificantBitFirst) {
  BitstringStatusList list;
  list.Set(0, true);
  list.Set(9, true);
  // Bytes 0x80, 0x40: checked through a round trip of the raw encoding.
  auto back = BitstringStatusList::Decode(list.Encode());
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back.value().Get(0));
  EXPECT_FALSE(back.value().Get(7));
  EXPECT_TRUE(back.value().Get(9));
}

TEST(StatusListTest, RefusesBadLists) {
  EXPECT_FALSE(BitstringStatusList::Decode("zabc").ok());
  EXPECT_FALSE(BitstringStatusList::Decode("u!!!!").ok());
  EXPECT_FALSE(BitstringStatusList::Decode("uAAAAAAAA").ok());  // not gzip
  BitstringStatusList small(8);
  auto r = BitstringStatusList::Decode(small.Encode());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("fewer than"), std::string::npos);
  BitstringStatusList huge(BitstringStatusList::kMaximumBytes * 8 * 2);  // compresses to little: a bomb
  auto bomb = BitstringStatusList::Decode(huge.Encode());
  ASSERT_FALSE(bomb.ok());
  EXPECT_NE(bomb.error().ToString().find("larger than"), std::string::npos);
}

}  // namespace
}  // namespace conform
