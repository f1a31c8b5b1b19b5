#pragma once
// The equipment the random-history laws give a person: adjustable cuffs at
// the ankles (a shell and inserts), with `wrist_pair` a fixed pair at the
// wrists too, in the log's unit.
#include <string>

inline std::string random_equipment(bool pounds, bool wrist_pair) {
    std::string text = pounds ? "\n[[equipment]]\nname = \"cuffs\"\non = \"ankle\"\nshell = \"0.5 lb\"\n"
                                "inserts = [\"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\"]\n"
                              : "\n[[equipment]]\nname = \"cuffs\"\non = \"ankle\"\nshell = \"0.25 kg\"\n"
                                "inserts = [\"0.25 kg\", \"0.25 kg\", \"0.5 kg\", \"0.5 kg\"]\n";
    if (wrist_pair) {
        text += pounds ? "\n[[equipment]]\nname = \"wrist pair\"\non = \"wrist\"\nweight = \"2 lb\"\n"
                       : "\n[[equipment]]\nname = \"wrist pair\"\non = \"wrist\"\nweight = \"1 kg\"\n";
    }
    return text;
}
