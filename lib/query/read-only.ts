"use client";
import { createContext, useContext } from "react";

/** ROUTEBOARD_READ_ONLY: the server has no write path, so pages show no editing controls. */
export const ReadOnlyContext = createContext(false);

export const useReadOnly = () => useContext(ReadOnlyContext);
