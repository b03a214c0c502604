namespace AlibabaEcsActivation.FlowControl;

/// <summary>An attempt's turn from a <see cref="FlowController"/>, handed back with its answer.</summary>
/// <param name="Epoch">How many times the controller had backed off when it gave the turn.</param>
internal readonly record struct FlowTurn(int Epoch);
