using NingxiaTrade.Workbench.Components.Account;

namespace NingxiaTrade.Tests.Features.Account;

public class AuthenticatorSetupTests
{
    [Fact]
    public void FormatKey_Base32Key_LowerCaseGroupsOfFour()
    {
        Assert.Equal("abcd efgh ijkl mnop qr", AuthenticatorSetup.FormatKey("ABCDEFGHIJKLMNOPQR"));
        Assert.Equal("abcd efgh", AuthenticatorSetup.FormatKey("ABCDEFGH"));
    }

    [Fact]
    public void OtpAuthUri_ChineseIssuer_IsUrlEncodedInLabelAndParameter()
    {
        var uri = AuthenticatorSetup.OtpAuthUri("clerk@demo.nxggzy.cn", "JBSWY3DPEHPK3PXP");

        var issuer = Uri.EscapeDataString("宁夏公共资源交易平台");
        Assert.Equal($"otpauth://totp/{issuer}:clerk%40demo.nxggzy.cn?secret=JBSWY3DPEHPK3PXP&issuer={issuer}&digits=6", uri);
        Assert.All(uri, c => Assert.True(c < 128, "otpauth URI must be ASCII"));
    }

    [Fact]
    public void QrCodeSvg_Uri_IsInlineSvg()
    {
        var svg = AuthenticatorSetup.QrCodeSvg(AuthenticatorSetup.OtpAuthUri("a@b.cn", "JBSWY3DPEHPK3PXP"));

        Assert.Contains("<svg", svg);
        Assert.Contains("</svg>", svg);
    }

    [Fact]
    public void Totp_Rfc6238TestVector_MatchesAppendixB()
    {
        // RFC 6238 Appendix B, SHA1, T = 59 s: 94287082 (8 digits) → 287082 with 6 digits.
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"

        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
    }
}
