// The pictures the demo agency's electronic documents carry: a seal marked MẪU (sample), so that it
// is never taken for a real one, and its signers' signatures, drawn with cairo as transparent PNG
// files.
#pragma once

#include <string>
#include <string_view>

namespace giaoban::app {

// A round red seal: `ring` around its edge, MẪU in its middle.
std::string DemoSealPng(std::string_view ring);

// A blue handwritten-looking stroke; each `variant` another hand.
std::string DemoSignaturePng(int variant);

}  // namespace giaoban::app
