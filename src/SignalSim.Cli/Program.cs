// Entry point of the signalsim command (commands are added in the CLI work).
return 0;
