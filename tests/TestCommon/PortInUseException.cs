namespace TodoClean.TestCommon;

/// <summary>
/// A server could not bind the port it was told to use because another process holds it: <see cref="ChosenPorts"/>
/// starts it again on another port. Thrown only for that failure, recognised from the server's own message.
/// </summary>
public sealed class PortInUseException(string message) : Exception(message);
