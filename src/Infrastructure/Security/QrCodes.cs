using QRCoder;

namespace TodoClean.Infrastructure.Security;

/// <summary>QR codes as SVG (QRCoder), for the enrolment screen to show an <c>otpauth://</c> URI.</summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
