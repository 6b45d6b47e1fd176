package dev.keel.cli.internal.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cli.internal.UsageException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldParserTest {
  @ParameterizedTest
  @CsvSource({
    "string, String, String, text",
    "text, String, String, text",
    "integer, int, Integer, integer",
    "long, long, Long, bigint",
    "decimal, BigDecimal, BigDecimal, ${decimal}",
    "boolean, boolean, Boolean, ${bool}",
    "date, LocalDate, LocalDate, ${date}",
    "datetime, Instant, Instant, ${timestamp}",
    "uuid, UUID, UUID, ${uuid}",
    "json, JsonNode, JsonNode, ${json}",
    "references, long, Long, bigint"
  })
  void everyTypeHasAJavaAndAColumnType(
      String label, String required, String optional, String column) {
    Field plain = FieldParser.parse("thing:" + label);
    Field mandatory = FieldParser.parse("thing:" + label + ":required");
    assertThat(plain.type().label()).isEqualTo(label);
    assertThat(plain.javaType()).isEqualTo(optional);
    assertThat(mandatory.javaType()).isEqualTo(required);
    assertThat(plain.type().columnType()).isEqualTo(column);
  }

  @Test
  void modifiersAreRead() {
    Field f = FieldParser.parse("title:string:required:unique:index:min=2:max=200:default=x");
    assertThat(f)
        .isEqualTo(
            new Field(
                "title",
                FieldType.STRING,
                true,
                true,
                true,
                Optional.of("2"),
                Optional.of("200"),
                Optional.of("x")));
  }

  @Test
  void aReferenceIsALongIdColumnWithAnIndex() {
    Field f = FieldParser.parse("author:references");
    assertThat(f.component()).isEqualTo("authorId");
    assertThat(f.column()).isEqualTo("author_id");
    assertThat(f.referencedTable()).isEqualTo("authors");
    assertThat(f.index()).isTrue();
    assertThat(FieldParser.parse("category:references").referencedTable()).isEqualTo("categories");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "title:strng|unknown type 'strng' in 'title:strng'; use one of string, text, integer,"
            + " long, decimal, boolean, date, datetime, uuid, json, references",
        "title:string:uniq|unknown modifier 'uniq' in 'title:string:uniq'; use one of required,"
            + " unique, index, min=N, max=N, default=VALUE",
        "title|field 'title' has no type; write NAME:TYPE, e.g. title:string (types: string,"
            + " text, integer, long, decimal, boolean, date, datetime, uuid, json, references)",
        "Title:string|field name 'Title' in 'Title:string' must be lowerCamelCase letters and"
            + " digits, e.g. title or publishedAt",
        "class:string|field name 'class' in 'class:string' is reserved",
        "id:long|field name 'id' in 'id:long' is reserved",
        "limit:integer|field name 'limit' in 'limit:integer' is reserved",
        "authorId:references|write 'author:references' instead of 'authorId:references'",
        "title:string:required:required|modifier 'required' is given twice in"
            + " 'title:string:required:required'",
        "title:string:required=yes|modifier 'required' takes no value in"
            + " 'title:string:required=yes'; write just required",
        "title:string:max|modifier 'max' in 'title:string:max' needs a number, e.g. max=10",
        "title:string:max=abc|max=abc in 'title:string:max=abc' is not a length; write e.g."
            + " max=200",
        "done:boolean:max=3|max= does not apply to boolean in 'done:boolean:max=3'; min and max"
            + " apply to string, text, integer, long and decimal",
        "count:integer:max=9999999999|max=9999999999 in 'count:integer:max=9999999999' is not a"
            + " whole number a integer can hold; write e.g. max=100",
        "price:decimal:min=x|min=x in 'price:decimal:min=x' is not a number; write e.g."
            + " min=9.99",
        "title:string:min=5:max=2|min=5 is above max=2 in 'title:string:min=5:max=2'",
        "done:boolean:default=yes|default=yes in 'done:boolean:default=yes' is not valid for"
            + " boolean; use true or false",
        "count:integer:default=x|default=x in 'count:integer:default=x' is not valid for integer;"
            + " use a whole number, e.g. default=0",
        "on:date:default=today|default= does not apply to date in 'on:date:default=today';"
            + " defaults apply to string, text, integer, long, decimal and boolean",
        "title:string:default=it's|default=it's in 'title:string:default=it's' is not valid for"
            + " string; use a text without quotes, e.g. default=draft"
      })
  void everyMistakeIsOneSentence(String arg, String message) {
    assertThatThrownBy(() -> FieldParser.parse(arg))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aFieldGivenTwiceIsAMistake() {
    assertThatThrownBy(() -> FieldParser.parseAll(List.of("title:string", "title:text")))
        .hasMessage("field 'title' is given twice; give each field once");
    assertThatThrownBy(() -> FieldParser.parseAll(List.of("author:references", "authorId:long")))
        .hasMessage("field 'authorId' is given twice; give each field once");
  }

  @Test
  void resourceNames() {
    Names n = Names.of("blog_post");
    assertThat(n.type()).isEqualTo("BlogPost");
    assertThat(n.table()).isEqualTo("blog_posts");
    assertThat(n.path()).isEqualTo("blog-posts");
    assertThat(n.packageName()).isEqualTo("blogposts");
    assertThat(Names.of("category").table()).isEqualTo("categories");
    assertThat(Names.of("box").table()).isEqualTo("boxes");
    assertThatThrownBy(() -> Names.of("2fast"))
        .hasMessage(
            "'2fast' is not a name: use letters and digits, starting with a letter, e.g. Post or"
                + " BlogPost");
    assertThatThrownBy(() -> Names.of("class"))
        .hasMessageStartingWith("'class' is a reserved word");
    assertThatThrownBy(() -> Names.of("Page")).hasMessageStartingWith("'Page' is a reserved word");
  }
}
