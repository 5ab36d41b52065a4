using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Tests.Domain.Common;

public class CreditCodeTests
{
    /// <summary>Published codes of real organisations, and codes computed here for each city of Ningxia.</summary>
    public static TheoryData<string> ValidCodes()
    {
        var data = new TheoryData<string> { "91350100M000100Y43", "91440300708461136T", "91110000802100433B" };
        var random = new Random(20261127);
        foreach (var region in new[] { "640100", "640200", "640300", "640400", "640500", "640104" })
        {
            data.Add(CreditCode.Generate('9', '1', region, random).Value);
            data.Add(CreditCode.Generate('5', '2', region, random).Value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Parse_ValidCode_Accepted(string text)
    {
        var code = CreditCode.Parse(text);

        Assert.Equal(text, code.Value);
        Assert.Null(CreditCode.Validate(text));
    }

    [Theory]
    [InlineData("9135 0100 M000 100Y 43")]
    [InlineData("913501\u3000\u3000 00M000100Y43")]
    [InlineData("\t91350100M000\r\n100Y43 ")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３")]
    public void Parse_PastedWithBlanksInsideOrFullWidth_AllEighteenCharactersKept(string pasted)
    {
        Assert.Equal("91350100M000100Y43", CreditCode.Normalise(pasted));
        Assert.Equal("91350100M000100Y43", CreditCode.Parse(pasted).Value);
        Assert.Null(CreditCode.Validate(pasted));
    }

    [Fact]
    public void Parse_LowerCaseAndBlanks_Normalised() =>
        Assert.Equal("91350100M000100Y43", CreditCode.Parse("  91350100m000100y43 ").Value);

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Parse_EverySingleCharacterCorruption_Refused(string text)
    {
        var accepted = new List<string>();
        for (var position = 0; position < CreditCode.Length; position++)
        {
            foreach (var c in CreditCode.Alphabet.Where(c => c != text[position]))
            {
                var corrupted = string.Concat(text.AsSpan(0, position), c.ToString(), text.AsSpan(position + 1));
                if (CreditCode.TryParse(corrupted, out _))
                {
                    accepted.Add(corrupted);
                }
            }
        }
        Assert.Empty(accepted);
    }

    [Fact]
    public void Generate_ManyCodes_AllValidAndInTheirRegion()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var code = CreditCode.Generate('9', '1', "640300", random);
            Assert.True(CreditCode.TryParse(code.Value, out _));
            Assert.Equal("640300", code.RegionCode);
        }
    }

    [Theory]
    [InlineData("", "统一社会信用代码不能为空。")]
    [InlineData("91350100M000100Y4", "长度错误：统一社会信用代码应为18位，“91350100M000100Y4”为17位。")]
    [InlineData("91350100M000100Y433", "长度错误：统一社会信用代码应为18位，“91350100M000100Y433”为19位。")]
    [InlineData("91350100M0001O0Y43", "字符错误：第14位“O”不是统一社会信用代码允许的字符（数字0-9及除I、O、S、V、Z以外的大写字母）。")]
    [InlineData("9135010IM000100Y43", "字符错误：第8位“I”不是统一社会信用代码允许的字符（数字0-9及除I、O、S、V、Z以外的大写字母）。")]
    [InlineData("913501A0M000100Y43", "行政区划码错误：第3至8位应为6位数字的登记管理机关行政区划码，“3501A0”不是。")]
    [InlineData("91990100M000100Y43", "行政区划码错误：第3至8位“990100”的前两位“99”不是有效的省级行政区划代码。")]
    [InlineData("91350100M000100Y44", "校验码错误：按 GB 32100-2015 计算第18位应为“3”，实际为“4”。")]
    public void Validate_BrokenRule_NamesItInChinese(string text, string message)
    {
        Assert.Equal(message, CreditCode.Validate(text));
        var refusal = Assert.Throws<DomainException>(() => CreditCode.Parse(text));
        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void CheckCharacter_CheckValue31_WrittenAsZero()
    {
        // Search a body whose weighted sum is 0 mod 31: the check is then 31, written as '0'.
        var random = new Random(1);
        for (var i = 0; i < 10_000; i++)
        {
            var code = CreditCode.Generate('9', '1', "640100", random);
            if (code.Value[17] == '0')
            {
                Assert.Equal('0', CreditCode.CheckCharacter(code.Value.AsSpan(0, 17)));
                return;
            }
        }
        Assert.Fail("no code with check character 0 found");
    }
}

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("640104198001011235")]
    public void Parse_PublishedExamples_Accepted(string text) => Assert.Equal(text, IdNumber.Parse(text).Value);

    [Fact]
    public void Generate_Numbers_ValidWithTheirBirthDate()
    {
        for (var sequence = 0; sequence < 200; sequence++)
        {
            var id = IdNumber.Generate("640104", new DateOnly(1980, 2, 29).AddDays(sequence * 37), sequence);
            Assert.Null(IdNumber.Validate(id.Value));
            Assert.Equal(new DateOnly(1980, 2, 29).AddDays(sequence * 37), id.BirthDate);
        }
    }

    [Fact]
    public void Parse_EverySingleDigitCorruption_Refused()
    {
        var valid = IdNumber.Generate("640302", new DateOnly(1975, 6, 18), 123).Value;
        for (var position = 0; position < 18; position++)
        {
            foreach (var c in "0123456789X".Where(c => c != valid[position] && (position == 17 || c != 'X')))
            {
                var corrupted = string.Concat(valid.AsSpan(0, position), c.ToString(), valid.AsSpan(position + 1));
                Assert.NotNull(IdNumber.Validate(corrupted));
            }
        }
    }

    [Theory]
    [InlineData("", "身份证号码不能为空。")]
    [InlineData("64010419800101123", "身份证号码应为18位，“64010419800101123”为17位。")]
    [InlineData("6401041980010112A4", "身份证号码“6401041980010112A4”格式错误：前17位应为数字，第18位为数字或X。")]
    [InlineData("640104198002301234", "身份证号码“640104198002301234”中的出生日期“19800230”无效。")]
    [InlineData("11010519491231002Y", "身份证号码“11010519491231002Y”格式错误：前17位应为数字，第18位为数字或X。")]
    [InlineData("110105194912310021", "身份证号码“110105194912310021”校验码错误：第18位应为“X”。")]
    public void Validate_BrokenRule_NamesItInChinese(string text, string message) => Assert.Equal(message, IdNumber.Validate(text));

    [Fact]
    public void Masked_HidesBirthDate() =>
        Assert.Equal("110105********002X", IdNumber.Parse("11010519491231002X").Masked);
}
