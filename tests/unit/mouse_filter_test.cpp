// MouseFilter: the X server's emulated mouse events for touches are dropped.
#include "mouse_filter.hpp"

#include <gtest/gtest.h>

using namespace nk;

namespace {
constexpr int kLeft = 1, kRight = 3;
const PointerKey f1{5, 1}, f2{5, 2};

TEST(MouseFilter, MouseAloneIsAccepted) {
    MouseFilter m;
    EXPECT_TRUE(m.accept_mouse_motion(0));
    EXPECT_TRUE(m.accept_mouse_button(kLeft, true, 10));
    EXPECT_TRUE(m.accept_mouse_motion(20));
    EXPECT_TRUE(m.accept_mouse_button(kLeft, false, 30));
}

TEST(MouseFilter, ButtonsAreIgnoredWhileAFingerIsDownAndForAGracePeriod) {
    MouseFilter m(300);
    m.finger_down(f1, 1000);
    EXPECT_FALSE(m.accept_mouse_button(kLeft, true, 1001));  // the emulated press
    EXPECT_FALSE(m.accept_mouse_motion(1002));
    m.finger_down(f2, 1100);
    m.finger_up(f1, 1200);
    EXPECT_FALSE(m.accept_mouse_button(kLeft, true, 1300)) << "another finger is still down";
    m.finger_up(f2, 1400);
    EXPECT_FALSE(m.accept_mouse_button(kLeft, false, 1401)) << "its release is dropped too";
    EXPECT_FALSE(m.accept_mouse_button(kLeft, true, 1699));
    EXPECT_FALSE(m.accept_mouse_motion(1699));
    EXPECT_TRUE(m.accept_mouse_button(kLeft, true, 1700));
}

TEST(MouseFilter, AnAcceptedPressIsTrackedUntilItsRelease) {
    MouseFilter m;
    EXPECT_TRUE(m.accept_mouse_button(kLeft, true, 0));
    m.finger_down(f1, 10);
    EXPECT_TRUE(m.accept_mouse_motion(20)) << "the mouse drag goes on";
    EXPECT_FALSE(m.accept_mouse_button(kRight, true, 25)) << "a new press while a finger is down";
    EXPECT_TRUE(m.accept_mouse_button(kLeft, false, 30)) << "its release ends the mouse gesture";
    EXPECT_FALSE(m.button_tracked());
    EXPECT_FALSE(m.accept_mouse_motion(40));
    EXPECT_FALSE(m.accept_mouse_button(kRight, false, 50)) << "the dropped press's release is dropped";
}

TEST(MouseFilter, UnknownFingersAndBackwardTimeAndFocusLoss) {
    MouseFilter m(300);
    m.finger_up(f1, 100);  // never down: changes nothing
    EXPECT_TRUE(m.accept_mouse_button(kLeft, true, 101));
    EXPECT_TRUE(m.accept_mouse_button(kLeft, false, 102));
    m.finger_down(f1, 1000);
    m.finger_up(f1, 1100);
    EXPECT_FALSE(m.accept_mouse_button(kLeft, true, 500)) << "time going backwards is no time passing";
    EXPECT_TRUE(m.accept_mouse_button(kLeft, true, 1400));
    EXPECT_TRUE(m.accept_mouse_button(kLeft, false, 1401));
    m.finger_down(f2, 2000);  // its up gets lost
    EXPECT_FALSE(m.accept_mouse_button(kLeft, true, 5000));
    m.reset_fingers(5000);
    EXPECT_TRUE(m.fingers_down() == false);
    EXPECT_TRUE(m.accept_mouse_button(kLeft, true, 5300));
    EXPECT_FALSE(m.accept_mouse_button(40, true, 5400)) << "out-of-range button";
}

}  // namespace
