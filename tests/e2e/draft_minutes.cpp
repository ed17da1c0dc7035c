// Meeting minutes made by the tests, as Word would save them.
#include "draft_minutes.hpp"

#include <zip.h>

#include <stdexcept>
#include <utility>
#include <vector>

namespace e2e {
namespace {

const char* const kNamespaces =
    R"( xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")"
    R"( xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")"
    R"( xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main")"
    R"( xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture")";

std::string styled(const std::string& style, const std::string& runs) {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>" + runs + "</w:p>";
}
std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string para(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string numbered(const std::string& text) {
  return "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
         "</w:numPr></w:pPr>" + run(text) + "</w:p>";
}
std::string cell(const std::string& text) { return "<w:tc><w:tcPr/>" + para(run(text)) + "</w:tc>"; }
std::string row(const std::string& a, const std::string& b) { return "<w:tr>" + cell(a) + cell(b) + "</w:tr>"; }

std::string photo_paragraph() {
  return para(std::string("<w:r><w:drawing><wp:inline><wp:extent cx=\"1905000\" cy=\"1270000\"/>") +
              "<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"" + kMinutesPhotoAlt + "\"/>"
              "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
              "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"garden.jpg\"/><pic:cNvPicPr/></pic:nvPicPr>"
              "<pic:blipFill><a:blip r:embed=\"rId10\"/></pic:blipFill><pic:spPr/></pic:pic>"
              "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>");
}

std::string document_xml() {
  std::string body;
  body += styled("Title", run("Speak Up Together: ") + run("meeting minutes"));
  body += para(run("Minutes of our mee") + run("ting on Wednesday 10 February 2027."));
  body += styled("Heading1", run("Who came"));
  // A comment on the number: the comment's words are not part of the minutes.
  body += para("<w:commentRangeStart w:id=\"0\"/>" + run("12 members came.") + "<w:commentRangeEnd w:id=\"0\"/>"
               "<w:r><w:commentReference w:id=\"0\"/></w:r>" + run(" Sam chaired the meeting."));
  body += photo_paragraph();
  body += para(run("We had tea and biscuits."));
  body += styled("Heading1", run("The bus pass"));
  body += para(run("The Care Quality Commission (CQC) visited the day centre."));
  body += para(run("The council has decided that from June the bus pass can only be used after half past nine "
                   "in the morning.") +
               "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>");
  // A tracked change: "Tuesday" was deleted and "Wednesday" put in.
  body += para(run("The meeting moved to ") +
               "<w:del w:id=\"5\" w:author=\"Jo\"><w:r><w:delText>Tuesday</w:delText></w:r></w:del>"
               "<w:ins w:id=\"6\" w:author=\"Jo\">" + run("Wednesday") + "</w:ins>" + run("."));
  body += para(run("We talked about 3 things:"));
  body += numbered("Bus times") + numbered("The cost of a bus pass") + numbered("How to complain to the CQC");
  body += styled("Heading2", run("What people said"));
  body += para(run("Many stakeholders want the old rules back."));
  body += styled("Heading1", run("Our budget"));
  body += "<w:tbl><w:tblPr/>" + row("Item", "Cost") + row("Room hire", "£40") + row("Tea and biscuits", "£12") +
          "</w:tbl>";
  // A field with its code and its result, and a simple field.
  body += para(run("This page was updated on ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
               "<w:r><w:instrText xml:space=\"preserve\"> DATE \\@ \"d MMMM yyyy\" \\* MERGEFORMAT </w:instrText></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("10 February 2027") +
               "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + run(". The minutes have ") +
               "<w:fldSimple w:instr=\" NUMPAGES \">" + run("3") + "</w:fldSimple>" + run(" pages."));
  body += styled("Heading1", run("Actions"));
  body += para(run("Action: Priya to phone the council by 3 March"));
  body += para(run("Action: Sam will write to the council by 24/03/2027"));
  body += styled("Heading1", run("Next meeting"));
  body += para(run("Date: Wednesday 14 April 2027"));
  body += para(run("Time: 10:30am"));
  body += para(run("Place: Riverside Community Hall"));
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document") + kNamespaces +
         "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

std::string styles_xml() {
  auto style = [](const char* id, const char* name) {
    return std::string("<w:style w:type=\"paragraph\" w:styleId=\"") + id + "\"><w:name w:val=\"" + name +
           "\"/></w:style>";
  };
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles") + kNamespaces + ">" +
         style("Normal", "Normal") + style("Title", "Title") + style("Heading1", "heading 1") +
         style("Heading2", "heading 2") + style("ListParagraph", "List Paragraph") + "</w:styles>";
}

const char* const kNumberingXml =
    R"(<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>)"
    R"(<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";

std::string footnotes_xml() {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes") + kNamespaces + ">" +
         "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>" +
         "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>" + run(std::string(" ") + kMinutesFootnote) +
         "</w:p></w:footnote></w:footnotes>";
}

const char* const kCommentsXml =
    R"(<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:comment w:id="0" w:author="Jo"><w:p><w:r><w:t>Please check this number with Sam</w:t></w:r></w:p></w:comment></w:comments>)";

const char* const kRelationships =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>)"
    R"(<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/>)"
    R"(</Relationships>)";

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

const char* const kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

}  // namespace

const char* const kMinutesPhotoAlt = "Members sitting round a table with cups of tea";
const char* const kMinutesFootnote = "The council wrote to us on 2 February 2027.";
const char* const kMinutesHiddenInWord[4] = {"Tuesday", "Please check this number", "MERGEFORMAT", "NUMPAGES"};

const char* const kMinutesSeenInWord = R"(Speak Up Together: meeting minutes
Minutes of our meeting on Wednesday 10 February 2027.
Who came
12 members came. Sam chaired the meeting.
We had tea and biscuits.
The bus pass
The Care Quality Commission (CQC) visited the day centre.
The council has decided that from June the bus pass can only be used after half past nine in the morning.
The meeting moved to Wednesday.
We talked about 3 things:
Bus times
The cost of a bus pass
How to complain to the CQC
What people said
Many stakeholders want the old rules back.
The council wrote to us on 2 February 2027.
Our budget
Item Cost
Room hire £40
Tea and biscuits £12
This page was updated on 10 February 2027. The minutes have 3 pages.
Actions
Action: Priya to phone the council by 3 March
Action: Sam will write to the council by 24/03/2027
Next meeting
Date: Wednesday 14 April 2027
Time: 10:30am
Place: Riverside Community Hall
)";

const char* const kMinutesMarkdown = R"(# Speak Up Together: meeting minutes

Minutes of our meeting on *Wednesday 10 February 2027*.

## Who came

12 members came. Sam chaired the meeting.

We had tea and biscuits.

## The bus pass

The Care Quality Commission (CQC) visited the day centre.

The council has decided that from June the bus pass can only be used after half past nine
in the morning.

The meeting moved to **Wednesday**.

We talked about 3 things:

1. Bus times
2. The cost of a bus pass
3. How to complain to the CQC

### What people said

Many stakeholders want the old rules back.

## Our budget

| Item | Cost |
|------|------|
| Room hire | £40 |
| Tea and biscuits | £12 |

This page was updated on 10 February 2027. The minutes have 3 pages.

## Actions

- Action: Priya to phone the council by 3 March
- Action: Sam will write to the council by 24/03/2027

## Next meeting

Date: Wednesday 14 April 2027

Time: 10:30am

Place: Riverside Community Hall
)";

const char* const kMinutesText = "Speak Up Together: meeting minutes\n\n"
                                 "Minutes of our meeting on Wednesday 10 February 2027.\n\n"
                                 "Who came\n\n"
                                 "12 members came. Sam chaired the meeting.\n\n"
                                 "We had tea and biscuits.\n\n"
                                 "The bus pass\n\n"
                                 "The Care Quality Commission (CQC) visited the day centre.\n\n"
                                 "The council has decided that from June the bus pass can only be used\n"
                                 "after half past nine in the morning.\n\n"
                                 "The meeting moved to Wednesday.\n\n"
                                 "We talked about 3 things:\n"
                                 "1. Bus times\n"
                                 "2. The cost of a bus pass\n"
                                 "3. How to complain to the CQC\n\n"
                                 "Many stakeholders want the old rules back.\n\n"
                                 "Our budget\n\n"
                                 "Item\tCost\n"
                                 "Room hire\t£40\n"
                                 "Tea and biscuits\t£12\n\n"
                                 "This page was updated on 10 February 2027. The minutes have 3 pages.\n\n"
                                 "Actions\n\n"
                                 "Action: Priya to phone the council by 3 March\n"
                                 "Action: Sam will write to the council by 24/03/2027\n\n"
                                 "Next meeting\n\n"
                                 "Date: Wednesday 14 April 2027\n"
                                 "Time: 10:30am\n"
                                 "Place: Riverside Community Hall\n";

void write_minutes_docx(const std::filesystem::path& file, const std::string& photo_bytes) {
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kPackageRelationships},
      {"word/document.xml", document_xml()},
      {"word/_rels/document.xml.rels", kRelationships},
      {"word/styles.xml", styles_xml()},
      {"word/numbering.xml", kNumberingXml},
      {"word/footnotes.xml", footnotes_xml()},
      {"word/comments.xml", kCommentsXml},
      {"word/media/image1.jpeg", photo_bytes},
  };
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("libzip could not make " + file.string());
  for (const auto& [name, bytes] : parts) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0)
      throw std::runtime_error("libzip could not add " + name);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("libzip could not write " + file.string());
}

}  // namespace e2e
