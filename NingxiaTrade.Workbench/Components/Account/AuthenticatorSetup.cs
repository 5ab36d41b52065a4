using System.Text;
using QRCoder;

namespace NingxiaTrade.Workbench.Components.Account;

/// <summary>What the authenticator set-up page shows: the shared key in groups and the otpauth QR code.</summary>
internal static class AuthenticatorSetup
{
    public const string Issuer = "宁夏公共资源交易平台";

    /// <summary>The base32 key in lower-case groups of four, easier to type into a phone.</summary>
    public static string FormatKey(string unformattedKey)
    {
        var result = new StringBuilder();
        for (var i = 0; i < unformattedKey.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }
            result.Append(unformattedKey.AsSpan(i, Math.Min(4, unformattedKey.Length - i)));
        }
        return result.ToString().ToLowerInvariant();
    }

    /// <summary>Key URI Format (Google Authenticator wiki): otpauth://totp/Issuer:account?secret=...&amp;issuer=Issuer.</summary>
    public static string OtpAuthUri(string email, string unformattedKey)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={unformattedKey}&issuer={issuer}&digits=6";
    }

    /// <summary>The URI as an inline SVG QR code, drawn on the server: no script, no outside service.</summary>
    public static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        // A viewBox rather than fixed pixels, so the card's CSS decides the size.
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
