using TodoClean.Domain.Exceptions;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Domain.UnitTests.Users;

public sealed class UserTests
{
    private static readonly DateTime Now = Entities.Now;

    [Fact]
    public void Create_WhenEmailHasSpacesAndCapitals_ShouldStoreItTrimmedAndLowerCased()
    {
        var user = Entities.User(email: "  Alice.Smith@Example.COM ");

        user.Email.Should().Be("alice.smith@example.com");
    }

    [Fact]
    public void Create_WhenValid_ShouldStampTimesAndStartUnverified()
    {
        var user = User.Create("user-1", "alice@example.com", "Alice", "https://example.com/a.png", Now);

        user.Id.Should().Be("user-1");
        user.Name.Should().Be("Alice");
        user.Image.Should().Be("https://example.com/a.png");
        user.EmailVerified.Should().BeFalse();
        user.CreatedAt.Should().Be(Now);
        user.UpdatedAt.Should().Be(Now);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Create_WhenEmailIsBlank_ShouldThrowForEmailField(string? email)
    {
        var act = () => Entities.User(email: email!);

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "email")
            .WithMessage("Email must not be empty.");
    }

    [Fact]
    public void Create_WhenEmailIsLongerThanTheLimit_ShouldThrowForEmailField()
    {
        var email = new string('a', User.MaxEmailLength - "@example.com".Length + 1) + "@example.com";

        var act = () => Entities.User(email: email);

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "email")
            .WithMessage($"Email must be at most {User.MaxEmailLength} characters.");
    }

    [Fact]
    public void Create_WhenEmailIsExactlyAtTheLimit_ShouldAcceptIt()
    {
        var email = new string('a', User.MaxEmailLength - "@example.com".Length) + "@example.com";

        var user = Entities.User(email: email);

        user.Email.Should().HaveLength(User.MaxEmailLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WhenIdIsBlank_ShouldThrow(string id)
    {
        var act = () => Entities.User(id: id);

        act.Should().Throw<ArgumentException>().WithParameterName("id");
    }

    [Fact]
    public void Create_WhenNameIsEmpty_ShouldAcceptIt()
    {
        var user = Entities.User(name: string.Empty);

        user.Name.Should().BeEmpty();
    }

    [Fact]
    public void Create_WhenNameIsLongerThanTheLimit_ShouldThrowForNameField()
    {
        var act = () => Entities.User(name: new string('n', User.MaxNameLength + 1));

        act.Should().Throw<DomainException>().Where(e => e.Field == "name");
    }

    [Fact]
    public void Create_WhenImageIsLongerThanTheLimit_ShouldThrowForImageField()
    {
        var act = () => Entities.User(image: new string('i', User.MaxImageLength + 1));

        act.Should().Throw<DomainException>().Where(e => e.Field == "image");
    }

    [Fact]
    public void Create_WhenTimeIsNotUtc_ShouldThrow()
    {
        var local = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Local);

        var act = () => Entities.User(now: local);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void UpdateProfile_WhenValuesAreNull_ShouldKeepTheCurrentOnesAndStampUpdatedAt()
    {
        var user = Entities.User(name: "Alice", image: "https://example.com/a.png");
        var later = Now.AddHours(1);

        user.UpdateProfile(name: null, image: null, later);

        user.Name.Should().Be("Alice");
        user.Image.Should().Be("https://example.com/a.png");
        user.UpdatedAt.Should().Be(later);
        user.CreatedAt.Should().Be(Now);
    }

    [Fact]
    public void UpdateProfile_WhenValuesAreGiven_ShouldReplaceThem()
    {
        var user = Entities.User();

        user.UpdateProfile("Alice B.", "https://example.com/b.png", Now.AddHours(1));

        user.Name.Should().Be("Alice B.");
        user.Image.Should().Be("https://example.com/b.png");
    }

    [Fact]
    public void UpdateProfile_WhenNameIsTooLong_ShouldThrowForNameField()
    {
        var user = Entities.User();

        var act = () => user.UpdateProfile(new string('n', User.MaxNameLength + 1), image: null, Now.AddHours(1));

        act.Should().Throw<DomainException>().Where(e => e.Field == "name");
    }

    [Fact]
    public void SyncFrom_WhenTokenSaysTheSameAfterNormalisation_ShouldReportNoChange()
    {
        var user = Entities.User(email: "alice@example.com", name: "Alice");

        var changed = user.SyncFrom(" ALICE@example.com ", "Alice", Now.AddHours(1));

        changed.Should().BeFalse();
        user.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void SyncFrom_WhenEmailChanged_ShouldStoreTheNormalisedEmailAndStampUpdatedAt()
    {
        var user = Entities.User(name: "Alice", image: "https://example.com/a.png");
        var later = Now.AddHours(1);

        var changed = user.SyncFrom(" Alice@New.Example ", "Alice", later);

        changed.Should().BeTrue();
        user.Email.Should().Be("alice@new.example");
        user.Image.Should().Be("https://example.com/a.png");
        user.UpdatedAt.Should().Be(later);
    }

    [Fact]
    public void SyncFrom_WhenNameChanged_ShouldStoreTheNewName()
    {
        var user = Entities.User(email: "alice@example.com");

        var changed = user.SyncFrom("alice@example.com", "Alice Cooper", Now.AddHours(1));

        changed.Should().BeTrue();
        user.Name.Should().Be("Alice Cooper");
    }

    [Fact]
    public void NormalizeEmail_WhenGivenMixedCaseWithSpaces_ShouldTrimAndLowerCase()
    {
        var normalized = User.NormalizeEmail("\tBob@Example.Org  ");

        normalized.Should().Be("bob@example.org");
    }

    [Fact]
    public void SetTwoFactor_WhenItChanges_ShouldReportItAndStampTheUpdate()
    {
        var user = Entities.User();
        var later = Now.AddMinutes(5);

        var changed = user.SetTwoFactor(true, later);
        var again = user.SetTwoFactor(true, later.AddMinutes(1));

        user.TwoFactorEnabled.Should().BeTrue();
        changed.Should().BeTrue();
        again.Should().BeFalse();
        user.UpdatedAt.Should().Be(later);
    }
}
