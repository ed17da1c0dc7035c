// The style sheet: the template's print sizes as CSS sizes (96 px to 72 pt),
// so the page looks like the PDF, and rules that keep it usable on a small
// phone, zoomed, with wider text spacing, and on paper.
#include <algorithm>

#include "html/internal.hpp"

namespace easyread::html {
namespace {

// WCAG and GOV.UK: body text on screen is never smaller than this.
constexpr double kSmallestTextPx = 18;
// On a small phone the picture takes at most this share of the width
// (at 320 px: about 83 px), so the text beside it keeps room for words.
constexpr const char* kPictureShare = "26vw";
constexpr const char* kCoverPictureShare = "60vw";

std::string css_px(double points, double at_least = 0) { return number(std::max(px(points), at_least)) + "px"; }
std::string css_pt(double points) { return number(points) + "pt"; }

// Sizes that change between the screen and paper.
std::string sizes(const style::Template& t, bool print) {
  auto size = [&](double points, double at_least = 0) { return print ? css_pt(points) : css_px(points, at_least); };
  std::string pic = size(t.picture_size), cover = size(t.cover_picture_size), gap = size(t.picture_gap);
  if (!print) {
    pic = std::string("min(") + pic + "," + kPictureShare + ")";
    cover = std::string("min(") + cover + "," + kCoverPictureShare + ")";
    gap = "min(" + gap + ",4vw)";
  }
  return "--body:" + size(t.body_size, kSmallestTextPx) + ";--h1:" + size(t.cover_title_size, kSmallestTextPx) +
         ";--h2:" + size(t.heading_size, kSmallestTextPx) + ";--sub:" + size(t.subheading_size, kSmallestTextPx) +
         ";--small:" + size(t.footer_size, kSmallestTextPx) + ";--pic:" + pic + ";--cover-pic:" + cover +
         ";--gap:" + gap + ";--row-gap:" + size(t.row_gap) + ";";
}

constexpr const char* kRules = R"(*,::before,::after{box-sizing:border-box}
html{background:var(--bg);color:var(--text);-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:calc(var(--measure) + 2 * var(--side));padding:var(--side);font-family:er-body,Andika,"Liberation Sans",Arial,sans-serif;font-size:var(--body);line-height:var(--line);overflow-wrap:break-word}
h1,h2{font-family:er-heading,er-body,Andika,"Liberation Sans",Arial,sans-serif;font-weight:700;color:var(--heading);line-height:1.25;margin:0}
h1{font-size:clamp(calc(1.3 * var(--body)),9vw,var(--h1));margin:.3em 0 .4em}
h2{font-size:clamp(calc(1.15 * var(--body)),7.5vw,var(--h2));margin:1.4em 0 .7em;padding-bottom:.15em;break-after:avoid}
p,ul,dl,dd{margin:0}
ul{padding-left:1.2em}
li::marker{color:var(--accent)}
a{color:var(--accent);text-decoration-thickness:.08em;text-underline-offset:.15em}
a.hard{color:inherit}
a:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:3px}
.symbols{position:absolute;width:0;height:0;overflow:hidden}
.cover{margin-bottom:calc(2 * var(--row-gap))}
.organisation{color:var(--accent)}
.date{font-size:var(--sub)}
.cover-text .pic{display:block;width:var(--cover-pic);height:var(--cover-pic);margin:var(--row-gap) 0}
.cover-text .s{font-size:var(--sub)}
.row{position:relative;min-height:var(--pic);margin:0 0 var(--row-gap);padding-left:calc(var(--pic) + var(--gap));break-inside:avoid}
.row.no-pic{min-height:0}
.row .pic{position:absolute;left:0;top:0;width:var(--pic);height:var(--pic)}
.pic svg,.pic img{display:block;width:100%;height:100%;object-fit:contain;image-orientation:from-image}
.words dt{font-weight:700}
footer{margin:calc(2 * var(--row-gap)) 0 0}
footer p{margin-bottom:.5em}
.listen{font:inherit;font-size:max(18px,.8em);line-height:1.3;min-height:44px;min-width:44px;margin:.4em 0 0;padding:.3em .9em;color:var(--accent);background:var(--bg);border:2px solid var(--accent);border-radius:.4em;cursor:pointer}
.listen.all{margin:calc(var(--row-gap) / 2) 0 0}
.speaking{outline:3px solid var(--accent);outline-offset:2px;border-radius:3px}
)";

}  // namespace

std::string style_sheet(const style::Template& t) {
  const double measure = t.page_width - t.margin_left - t.margin_right;
  std::string out = ":root{--bg:" + hex_color(t.background) + ";--text:" + hex_color(t.text) +
                    ";--heading:" + hex_color(t.heading) + ";--accent:" + hex_color(t.accent) +
                    ";--line:" + number(t.line_spacing) + ";--measure:" + css_px(measure) +
                    ";--side:clamp(12px,4vw," + css_px(t.margin_left) + ");" + sizes(t, false) + "}\n";
  out += kRules;
  if (!t.picture_left)
    out += ".row{padding-left:0;padding-right:calc(var(--pic) + var(--gap))}\n.row .pic{left:auto;right:0}\n";
  if (!t.rule_under_headings) out += "h2{padding-bottom:0}\n";
  else out += "h2{border-bottom:3px solid var(--accent)}\n";
  // Paper: the template's own page, sizes in points, no buttons, a cover page of its own.
  out += "@page{size:" + css_pt(t.page_width) + " " + css_pt(t.page_height) + ";margin:" + css_pt(t.margin_top) +
         " " + css_pt(t.margin_right) + " " + css_pt(t.margin_bottom) + " " + css_pt(t.margin_left) + "}\n";
  out += "@media print{:root{" + sizes(t, true) +
         "--side:0px}html{-webkit-print-color-adjust:exact;print-color-adjust:exact}body{max-width:none;padding:0}"
         "h1{font-size:var(--h1)}h2{font-size:var(--h2)}.cover{break-after:page}.listen{display:none!important}"
         "}\n";
  return out;
}

}  // namespace easyread::html
