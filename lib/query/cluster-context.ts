"use client";
import { createContext, useContext } from "react";

/** The kubeconfig context the page shows; part of every query key, so switching refetches. */
export const ClusterContext = createContext<string | undefined>(undefined);

export const useClusterContext = () => useContext(ClusterContext);
